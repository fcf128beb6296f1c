namespace Kiro.Mcp.Specs.Impact;

/// <summary>A task of a spec, with the criteria it cites.</summary>
public sealed record TaskReference(string Spec, string Task, string Title, IReadOnlyList<string> Requirements);
