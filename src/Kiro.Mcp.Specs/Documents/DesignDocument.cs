namespace Kiro.Mcp.Specs.Documents;

/// <summary>The parsed form of design.md.</summary>
public sealed record DesignDocument(IReadOnlyList<Heading> Headings, IReadOnlyList<CorrectnessProperty> Properties);
