namespace Kiro.Mcp.Specs.Planning;

/// <summary><paramref name="Task"/> waits for <paramref name="DependsOn"/>; <paramref name="Kind"/> is "depends", "subtask" or "checkpoint".</summary>
public sealed record TaskEdge(string DependsOn, string Task, string Kind);
