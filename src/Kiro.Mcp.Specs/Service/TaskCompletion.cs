using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Service;

/// <summary>The outcome of task_complete: done (with the tasks marked done and the next task) or kept open because verification failed.</summary>
/// <param name="Verification">The verification command's result, null when no command is configured or verify was false.</param>
/// <param name="MarkedDone">The task, and any parents whose required sub-tasks are now all done.</param>
public sealed record TaskCompletion(
    string Spec,
    string TaskId,
    bool Completed,
    CommandResult? Verification,
    IReadOnlyList<string> MarkedDone,
    TaskView? Next,
    string NextStep);
