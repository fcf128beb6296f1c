using Kiro.Mcp.Server.Resources;
using Kiro.Mcp.Server.Workspaces;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// Loads the workspaces named with --workspace when the server starts, tells every session when repositories
/// appear in or leave a --workspaces folder (resources/list names each workspace's resources), and unloads
/// every workspace when the server stops.
/// </summary>
public sealed class WorkspaceStartup(WorkspacePool pool, WorkspaceCatalog catalog, SubscriptionRegistry subscriptions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Changed += OnCatalogChanged;
        pool.LoadPinned();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        catalog.Changed -= OnCatalogChanged;
        await pool.DisposeAsync();
    }

    private void OnCatalogChanged() => _ = subscriptions.ListChangedAsync(workspace: null);
}
