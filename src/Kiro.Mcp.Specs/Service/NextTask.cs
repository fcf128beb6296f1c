namespace Kiro.Mcp.Specs.Service;

/// <summary>The task to do next (null when there is none), the first tasks that could run beside it, and what to do.</summary>
/// <param name="Parallel">At most <see cref="TaskService.MaxParallel"/> of the tasks that are ready too; <paramref name="ParallelTotal"/> counts them all.</param>
public sealed record NextTask(string? Spec, TaskView? Task, IReadOnlyList<TaskView> Parallel, int ParallelTotal, string NextStep);
