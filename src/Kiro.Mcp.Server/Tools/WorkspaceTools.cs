using System.ComponentModel;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>The workspaces toolset: which repositories this server serves, for the assistant to pick one.</summary>
[McpServerToolType]
public sealed class WorkspaceTools(WorkspaceCatalog catalog, WorkspacePool pool)
{
    [McpServerTool(Name = "workspace_list", Title = "List workspaces", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The workspaces (repositories) served, with spec and open task counts; pass a name as 'workspace' to other tools.")]
    [WorkspaceFree]
    public async Task<WorkspaceList> ListAsync(RequestContext<ModelContextProtocol.Protocol.CallToolRequestParams> context, CancellationToken cancellationToken = default)
    {
        var pinned = WorkspaceSelector.Pinned(context);
        var summaries = new List<WorkspaceSummary>();
        // A caller sees the workspaces they may read (on a team server, by their role in each).
        foreach (var entry in catalog.Entries.Where(e => (pinned is null || e.Name == pinned) && Team.RoleFilters.MayRead(context, e.Name)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            summaries.Add(await pool.PeekAsync(entry, services => SummaryAsync(entry, services, cancellationToken)));
        }
        return new WorkspaceList(pinned ?? catalog.Default, summaries);
    }

    private async Task<WorkspaceSummary> SummaryAsync(WorkspaceEntry entry, IServiceProvider services, CancellationToken cancellationToken)
    {
        var loaded = pool.Loaded.Contains(entry.Name);
        var trusted = services.GetRequiredService<WorkspaceTrust>().IsTrusted;
        try
        {
            var specs = services.GetRequiredService<SpecService>();
            int count = 0, open = 0;
            string? cursor = null;
            do
            {
                var page = await specs.ListAsync(cursor, SpecService.MaxPageSize, cancellationToken);
                count += page.Specs.Count;
                open += page.Specs.Sum(s => s.Tasks.Total - s.Tasks.Done);
                cursor = page.NextCursor;
            }
            while (cursor is not null);
            return new WorkspaceSummary(entry.Name, entry.Path, loaded, trusted, count, open, null);
        }
        catch (KiroException e)
        {
            // One unreadable repository (a linked .kiro, a folder gone) must not hide the others.
            return new WorkspaceSummary(entry.Name, entry.Path, loaded, trusted, 0, 0, $"[{e.Code}] {e.Message}");
        }
    }
}
