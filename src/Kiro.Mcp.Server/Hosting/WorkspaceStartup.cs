using Kiro.Mcp.Server.Workspaces;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>Loads the workspaces named with --workspace when the server starts, and unloads every workspace when it stops.</summary>
public sealed class WorkspaceStartup(WorkspacePool pool) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        pool.LoadPinned();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await pool.DisposeAsync();
}
