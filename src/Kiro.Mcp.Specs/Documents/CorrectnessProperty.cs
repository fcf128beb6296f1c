namespace Kiro.Mcp.Specs.Documents;

/// <summary>"### Property N: Title" in design.md with the criterion ids of its "**Validates: Requirements ...**" line.</summary>
public sealed record CorrectnessProperty(string Number, string Title, IReadOnlyList<string> Validates, int Line, int ValidatesLine);
