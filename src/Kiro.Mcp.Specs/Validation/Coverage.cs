namespace Kiro.Mcp.Specs.Validation;

/// <summary>How many acceptance criteria are referenced by at least one task.</summary>
public sealed record Coverage(int Total, int Covered, IReadOnlyList<string> Uncovered);
