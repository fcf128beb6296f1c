using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Service;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>The page of workspaces.</summary>
public sealed record WorkspacesPage(IReadOnlyList<string> Workspaces);

/// <summary>A workspace's specs, each with its status.</summary>
public sealed record SpecsPage(string Workspace, IReadOnlyList<SpecStatus> Specs, IReadOnlyList<string> Unreadable);

/// <summary>One spec: its status, each document rendered, the task board, and the token that guards its forms.</summary>
/// <param name="Notice">What the last action did, shown once at the top ("Approved design.md.").</param>
public sealed record SpecPage(
    string Workspace,
    SpecStatus Status,
    IReadOnlyList<RenderedDocument> Documents,
    IReadOnlyList<BoardColumn> Board,
    IReadOnlyList<TaskRecheck> NeedsRecheck,
    string AntiforgeryField,
    string AntiforgeryToken,
    bool CanApprove,
    string? Notice);

/// <summary>A document of a spec as HTML, with its approval state and the version an approval of it covers (what the form sends).</summary>
public sealed record RenderedDocument(string Name, string Html, DocumentState State, string ApprovalVersion);

/// <summary>A status column of the task board.</summary>
public sealed record BoardColumn(string Status, string Title, IReadOnlyList<BoardTask> Tasks);

/// <summary>A task on the board.</summary>
/// <param name="Wave">1-based: the wave of parallel work it belongs to (task_plan); 0 when it has no place in the plan (a cycle).</param>
/// <param name="Critical">On the critical path: the longest chain of dependencies.</param>
public sealed record BoardTask(string Id, string Title, bool Optional, IReadOnlyList<string> Requirements, int Wave, bool Critical);

/// <summary>The trace matrix of a spec: each criterion with its tasks, their commits and the design properties that validate it.</summary>
public sealed record TracePage(string Workspace, string Spec, IReadOnlyList<Kiro.Mcp.Specs.Service.CriterionTrace> Criteria);

/// <summary>What the layout needs: the page title, and the workspace whose changes the page follows (none on the first page).</summary>
public sealed record LayoutModel(string Title, string? Workspace);

/// <summary>A document against the version last approved: the approved text found in git history, line by line.</summary>
/// <param name="Lines">Null when the approved text is not in the last commits that changed the file (approved, never committed).</param>
public sealed record DiffPage(string Workspace, string Spec, string Document, string Approval, IReadOnlyList<DiffLine>? Lines);

/// <summary>One line of a diff: "inserted", "deleted" or "unchanged".</summary>
public sealed record DiffLine(string Change, string Text);
