using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Service;

/// <summary>Everything known about one spec at one moment: its files as read, parsed, and its workflow state.</summary>
public sealed record SpecSnapshot(
    string Name,
    SpecConfig Config,
    SpecState State,
    SpecWorkflow Workflow,
    IReadOnlyDictionary<DocumentKind, VersionedText> Files,
    SpecDocuments Documents)
{
    /// <summary>"none", "approved" or "stale".</summary>
    public string ApprovalOf(DocumentKind kind)
    {
        if (!State.Approvals.TryGetValue(kind, out var approval))
        {
            return "none";
        }
        return Files.TryGetValue(kind, out var file) && file.Version == approval.Version ? "approved" : "stale";
    }

    public bool IsApproved(DocumentKind kind) => ApprovalOf(kind) == "approved";

    public TaskCounts TaskCounts()
    {
        var tasks = Documents.Tasks?.Tasks ?? [];
        return new TaskCounts(
            tasks.Count,
            tasks.Count(t => t.Status == TaskStatus.Done),
            tasks.Count(t => t.Status == TaskStatus.InProgress),
            tasks.Count(t => t.Status == TaskStatus.Queued),
            tasks.Count(t => t.Status == TaskStatus.NotStarted),
            tasks.Count(t => t.Optional));
    }
}
