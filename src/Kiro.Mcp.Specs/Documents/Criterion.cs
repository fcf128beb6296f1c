namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// One acceptance criterion (requirements.md) or one numbered clause (bugfix.md).
/// <paramref name="Id"/> is how tasks cite it: criterion 2 of Requirement 1 is "1.2".
/// </summary>
public sealed record Criterion(string Id, string Text, int Line);
