namespace Kiro.Mcp.Specs.Service;

/// <summary>The task to do next (null when there is none), the tasks that could run beside it, and what to do.</summary>
public sealed record NextTask(string? Spec, TaskView? Task, IReadOnlyList<TaskView> Parallel, string NextStep);
