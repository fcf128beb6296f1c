using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// A document against the version its approval names. .workflow.json keeps only that version's hash, so the text is
/// looked up in git: the newest of the file's recent commits whose text has that version.
/// </summary>
public static class ApprovedDiff
{
    /// <summary>How far back to look: far enough for a spec under review, bounded for a file with a long history.</summary>
    public const int MaxCommits = 200;

    public static IReadOnlyList<DiffLine>? Of(SpecSnapshot snapshot, DocumentKind kind, string path, GitHistory git)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(git);
        if (!snapshot.State.Approvals.TryGetValue(kind, out var approval) || !snapshot.Files.TryGetValue(kind, out var current))
        {
            return null;
        }
        var approved = git.FindText(path, text => VersionOf(kind, text) == approval.Version, MaxCommits);
        if (approved is null)
        {
            return null;
        }
        var diff = InlineDiffBuilder.Diff(approved, current.Text, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        return diff.Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Inserted => "inserted",
            ChangeType.Deleted => "deleted",
            _ => "unchanged",
        }, l.Text ?? "")).ToList();
    }

    private static string VersionOf(DocumentKind kind, string text) =>
        kind == DocumentKind.Tasks ? SpecSnapshot.TasksApprovalVersion(text, TasksParser.Parse(text)) : FileStore.ComputeVersion(text);
}
