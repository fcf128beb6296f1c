using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Execution;

/// <summary>One execution of a task: who started and finished it, git HEAD at both ends, what changed, how it was verified.</summary>
public sealed record TaskRun(
    string Task,
    DateTimeOffset? StartedAt,
    string? StartedBy,
    string? HeadAtStart,
    DateTimeOffset? CompletedAt = null,
    string? CompletedBy = null,
    string? HeadAtCompletion = null,
    IReadOnlyList<GitCommit>? Commits = null,
    IReadOnlyList<string>? Files = null,
    RunVerification? Verification = null,
    string? Summary = null);
