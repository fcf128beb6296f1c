using Kiro.Mcp.Hooks.Execution;
using Kiro.Mcp.Server.Audit;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Steering.Service;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>A spec's task board: the columns by status, the dependency graph drawn, and each task's runs from its run log (.runs.jsonl).</summary>
/// <param name="Errors">What task_plan reports as wrong with the dependencies (a cycle, an unknown task).</param>
public sealed record TasksPage(
    string Workspace,
    string Spec,
    IReadOnlyList<BoardColumn> Board,
    TaskGraphDrawing Graph,
    IReadOnlyList<string> CriticalPath,
    IReadOnlyList<TaskItem> Tasks,
    IReadOnlyDictionary<string, IReadOnlyList<TaskRun>> Runs,
    IReadOnlyList<string> Errors);

/// <summary>The steering of a workspace: each document and what it applies to; for a path asked about, what applies to it and why.</summary>
/// <param name="Path">The path the form asked about, or null.</param>
/// <param name="Problem">Why that path could not be looked up (outside the workspace, too long).</param>
public sealed record SteeringPage(
    string Workspace,
    IReadOnlyList<SteeringSummary> Documents,
    IReadOnlyList<SkippedFile> Skipped,
    string? Path,
    SteeringContext? Context,
    string? Problem);

/// <summary>The hook runs the workspace recorded (.kiro/.runtime/hook-history.json), newest first.</summary>
public sealed record HookRunsPage(string Workspace, IReadOnlyList<HookRun> Runs);

/// <summary>A page of the workspace's audit log, newest first, with the filters it was asked for.</summary>
/// <param name="NextCursor">Where the older entries start, or null.</param>
/// <param name="Problem">A filter that could not be read (a bad date), shown instead of entries.</param>
public sealed record AuditLogPage(string Workspace, IReadOnlyList<AuditEntry> Entries, string? NextCursor, string? User, string? Spec, string? Problem);

/// <summary>The sign-in form of a team server: a token field, the antiforgery token, and where to go afterwards.</summary>
/// <param name="Problem">Why the last attempt failed, or null.</param>
/// <param name="Issuer">True when the server accepts JWTs from an issuer (the form then says so).</param>
public sealed record SignInPage(string AntiforgeryField, string AntiforgeryToken, string ReturnUrl, string? Problem, bool Issuer);

/// <summary>The sign-out confirmation: a form, so that signing out is a POST with an antiforgery token.</summary>
public sealed record SignOutPage(string AntiforgeryField, string AntiforgeryToken, string User);

/// <summary>What the layout shows besides the breadcrumb: the workspace's pages this user may open, and who is signed in.</summary>
/// <param name="User">The signed-in user's name, or null on a server without sign-in.</param>
/// <param name="CanSignOut">True when the browser is signed in with the dashboard's cookie (a bearer header cannot be signed out).</param>
public sealed record DashboardNav(IReadOnlyList<NavLink> Links, string? User, bool CanSignOut);

/// <summary>A link of the workspace navigation.</summary>
public sealed record NavLink(string Href, string Label);
