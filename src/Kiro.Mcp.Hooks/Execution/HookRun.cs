namespace Kiro.Mcp.Hooks.Execution;

/// <summary>
/// One run of a hook: which hook and why, what it did and how it ended. <see cref="Outcome"/> is
/// <c>ok</c>, <c>failed</c> (non-zero exit), <c>timed_out</c> (killed with every process of the run),
/// <c>blocked</c> (a PreTaskExec command exited with 2), <c>delivered</c> (an agent prompt was queued
/// for the assistant) or <c>skipped</c> (see the output).
/// </summary>
public sealed record HookRun(
    string Hook,
    string File,
    string Trigger,
    IReadOnlyList<string> Files,
    string? Spec,
    string? TaskId,
    string Action,
    DateTimeOffset StartedAt,
    long DurationMs,
    int? ExitCode,
    string Outcome,
    string OutputTail)
{
    /// <summary>Processes of a command run killed at its end (at the timeout, or left running after it exited); null for agent runs.</summary>
    public int? KilledProcesses { get; init; }

    /// <summary>Processes of a command run still alive after the kill; null for agent runs.</summary>
    public int? Survivors { get; init; }

    /// <summary>Bytes of output that did not fit in <see cref="OutputTail"/>; null for agent runs.</summary>
    public long? OutputDroppedBytes { get; init; }
}
