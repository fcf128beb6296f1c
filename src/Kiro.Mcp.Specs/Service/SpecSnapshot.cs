using System.Runtime.CompilerServices;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Service;

/// <summary>Everything known about one spec at one moment: its files as read, parsed, and its workflow state.</summary>
/// <param name="RunLog">
/// The run log as read with the rest; its JSON is parsed only when <see cref="Runs"/> is first asked for
/// (most calls never look at it, and a long history makes a large file).
/// </param>
public sealed record SpecSnapshot(
    string Name,
    SpecConfig Config,
    SpecState State,
    SpecWorkflow Workflow,
    IReadOnlyDictionary<DocumentKind, VersionedText> Files,
    SpecDocuments Documents,
    Lazy<IReadOnlyList<TaskRun>> RunLog)
{
    // The approval version of a tasks.md text, computed once per text: every status answer asks for it.
    private static readonly ConditionalWeakTable<VersionedText, string> TaskApprovalVersions = [];

    // The counts of a parse of tasks.md, worked out once per parse: every status and list answer gives them.
    private static readonly ConditionalWeakTable<TasksDocument, TaskCounts> Counts = [];

    /// <summary>The task runs recorded in the spec's run log (.runs.jsonl, and a legacy .runs.json until it is migrated), oldest first.</summary>
    public IReadOnlyList<TaskRun> Runs => RunLog.Value;

    /// <summary>A version of the run log as read with the rest: it changes whenever the runs do.</summary>
    internal string? RunLogVersion { get; init; }

    /// <summary>What every derived answer depends on: the versions of the files read, the run log included.</summary>
    internal string VersionKey() =>
        string.Join('|', Files.OrderBy(f => f.Key).Select(f => $"{f.Key}:{f.Value.Version}").Append($"runs:{RunLogVersion}").Append($"type:{Config.Type}"));

    /// <summary>"changes_requested" (of the current version), else "none", "approved" or "stale".</summary>
    public string ApprovalOf(DocumentKind kind)
    {
        if (OpenChangeRequest(kind) is not null)
        {
            return "changes_requested";
        }
        if (!State.Approvals.TryGetValue(kind, out var approval))
        {
            return "none";
        }
        return ApprovalVersionOf(kind) == approval.Version ? "approved" : "stale";
    }

    /// <summary>
    /// The version an approval of <paramref name="kind"/> covers: the file's version, except that for
    /// tasks.md every status character is blanked first. An approval is of the plan, not of the
    /// progress, so checking a box must not make it stale.
    /// </summary>
    public string? ApprovalVersionOf(DocumentKind kind)
    {
        if (!Files.TryGetValue(kind, out var file))
        {
            return null;
        }
        if (kind != DocumentKind.Tasks || Documents.Tasks is not { } tasks)
        {
            return file.Version;
        }
        if (TaskApprovalVersions.TryGetValue(file, out var known))
        {
            return known;
        }
        var version = TasksApprovalVersion(file.Text, tasks);
        TaskApprovalVersions.AddOrUpdate(file, version);
        return version;
    }

    /// <summary>The version an approval of tasks.md covers: the text's hash with every status character blanked.</summary>
    public static string TasksApprovalVersion(string text, TasksDocument tasks)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tasks);
        var blanked = text.ToCharArray();
        foreach (var task in tasks.Tasks)
        {
            blanked[task.StatusOffset] = ' ';
        }
        return FileStore.ComputeVersion(new string(blanked));
    }

    /// <summary>The request for changes of the current version; null once a new version answered it.</summary>
    public ChangeRequest? OpenChangeRequest(DocumentKind kind) =>
        State.ChangeRequests.TryGetValue(kind, out var request) && request.Version == ApprovalVersionOf(kind) ? request : null;

    /// <summary>Who wrote the current version through the server; null when it was written some other way (an editor, git).</summary>
    public AuthorRecord? AuthorOf(DocumentKind kind) =>
        State.Authors.TryGetValue(kind, out var author) && author.Version == ApprovalVersionOf(kind) ? author : null;

    public bool IsApproved(DocumentKind kind) => ApprovalOf(kind) == "approved";

    public TaskCounts TaskCounts() => Documents.Tasks is { } document ? Counts.GetValue(document, Count) : Count(null);

    private static TaskCounts Count(TasksDocument? document)
    {
        var tasks = document?.Tasks ?? [];
        return new TaskCounts(
            tasks.Count,
            tasks.Count(t => t.Status == TaskStatus.Done),
            tasks.Count(t => t.Status == TaskStatus.InProgress),
            tasks.Count(t => t.Status == TaskStatus.Queued),
            tasks.Count(t => t.Status == TaskStatus.NotStarted),
            tasks.Count(t => t.Optional));
    }
}
