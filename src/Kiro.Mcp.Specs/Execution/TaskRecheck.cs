namespace Kiro.Mcp.Specs.Execution;

/// <summary>A done task whose basis changed after it was completed: which criteria or design sections ("criterion 1.1", "design: Overview").</summary>
public sealed record TaskRecheck(string Task, int Line, IReadOnlyList<string> Changed);
