using System.Text.Json.Serialization;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Execution;

/// <summary>One execution of a task: who started and finished it, git HEAD at both ends, what changed, how it was verified.</summary>
/// <param name="Basis">What the task was built against when it completed: "criterion 1.1" or "design: Section" → a hash of that text.
/// A later change to any of them means the task needs a recheck.</param>
/// <param name="Evidence">What the test results its verification wrote said of the criteria (verify.results); also kept on an
/// unfinished run whose verification failed, since failing tests are evidence too.</param>
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
    string? Summary = null,
    IReadOnlyDictionary<string, string>? Basis = null,
    RunEvidence? Evidence = null)
{
    /// <summary>
    /// Which run this is: a later line of the run log with the same id replaces the earlier one (a completion
    /// replaces its start). Runs from a log written before ids existed get one derived from their content.
    /// </summary>
    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }
}
