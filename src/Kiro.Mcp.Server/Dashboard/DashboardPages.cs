using System.Text.Json;
using Kiro.Mcp.Hooks.Service;
using Kiro.Mcp.Server.Audit;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Steering.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// The dashboard's pages beyond the specs: a spec's task board (the dependency graph drawn, each task's runs), a workspace's
/// steering, its hook runs and, for its admins, its audit log. Each reads through the same domain services as the MCP tools
/// that show the same thing (task_plan, steering_list and steering_context, hook_history, audit_list).
/// </summary>
public static class DashboardPages
{
    public static void MapDashboardPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/w/{workspace}/specs/{spec}/tasks", TasksAsync);
        app.MapGet("/w/{workspace}/steering", SteeringAsync);
        app.MapGet("/w/{workspace}/hooks", HooksAsync);
        app.MapGet("/w/{workspace}/audit", AuditAsync);
    }

    private static async Task<IResult> TasksAsync(string workspace, string spec, WorkspaceCatalog catalog, WorkspacePool pool, CancellationToken cancellationToken)
    {
        return await WorkspacePage.RenderAsync(workspace, catalog, pool, async services =>
        {
            SpecSnapshot snapshot;
            TaskPlan plan;
            try
            {
                snapshot = await services.GetRequiredService<SpecService>().LoadAsync(spec, cancellationToken);
                if (snapshot.Documents.Tasks is null)
                {
                    return WorkspacePage.NotFound($"The spec '{spec}' has no tasks.md yet.");
                }
                plan = await services.GetRequiredService<TaskService>().PlanAsync(spec, cancellationToken);
            }
            catch (KiroException e)
            {
                return WorkspacePage.NotFound(e.Message);
            }
            var tasks = snapshot.Documents.Tasks.Tasks;
            var runs = snapshot.Runs.GroupBy(r => r.Task, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<TaskRun>)g.ToList(), StringComparer.Ordinal);
            return Slices.TasksView.Create(new TasksPage(workspace, spec, TaskBoard.Of(snapshot, plan), TaskGraphLayout.Of(tasks, plan), plan.CriticalPath,
                tasks, runs, plan.Errors));
        }, cancellationToken);
    }

    private static async Task<IResult> SteeringAsync(string workspace, string? path, WorkspaceCatalog catalog, WorkspacePool pool, CancellationToken cancellationToken)
    {
        return await WorkspacePage.RenderAsync(workspace, catalog, pool, async services =>
        {
            var steering = services.GetRequiredService<SteeringService>();
            var list = await steering.ListAsync(cancellationToken);
            SteeringContext? context = null;
            string? problem = null;
            path = string.IsNullOrWhiteSpace(path) ? null : path.Trim();
            if (path is not null)
            {
                try
                {
                    context = await steering.ContextAsync([path], [], cancellationToken);
                }
                catch (KiroException e)
                {
                    problem = e.Message;
                }
            }
            return Slices.SteeringView.Create(new SteeringPage(workspace, list.Documents, list.Skipped, path, context, problem));
        }, cancellationToken);
    }

    private static async Task<IResult> HooksAsync(string workspace, WorkspaceCatalog catalog, WorkspacePool pool, CancellationToken cancellationToken)
    {
        return await WorkspacePage.RenderAsync(workspace, catalog, pool, async services =>
        {
            var history = await services.GetRequiredService<HookService>().HistoryAsync(HookService.MaxHistory, cancellationToken);
            return Slices.HookRunsView.Create(new HookRunsPage(workspace, history.Runs));
        }, cancellationToken);
    }

    /// <summary>The audit log needs what audit_list needs, the admin role in the workspace; others get 403 and no link to it.</summary>
    private static async Task<IResult> AuditAsync(
        string workspace, string? user, string? spec, string? cursor, WorkspaceCatalog catalog, AuditLogs logs, HttpContext http, CancellationToken cancellationToken)
    {
        if (catalog.Find(workspace) is null)
        {
            return WorkspacePage.NotFound($"No workspace '{workspace}'.");
        }
        if (!DashboardAccess.MayReadAudit(http, workspace))
        {
            return Results.Text($"The audit log of '{workspace}' is for its admins.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }
        user = string.IsNullOrWhiteSpace(user) ? null : user.Trim();
        spec = string.IsNullOrWhiteSpace(spec) ? null : spec.Trim();
        try
        {
            var page = await AuditQuery.PageAsync(logs.For(workspace), user, spec, null, null, cursor, AuditQuery.DefaultPageSize, cancellationToken);
            var entries = page.Entries.Select(e => e.Deserialize(AuditJsonContext.Default.AuditEntry)!).ToList();
            return Slices.AuditView.Create(new AuditLogPage(workspace, entries, page.NextCursor, user, spec, null));
        }
        catch (KiroException e)
        {
            return Slices.AuditView.Create(new AuditLogPage(workspace, [], null, user, spec, e.Message));
        }
    }

}
