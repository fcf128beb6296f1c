using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Starts the one <see cref="WorkspaceWatcher"/> of the process. It is registered after every listener
/// (spec notifications, file hooks), so all of them have subscribed before the first event arrives.
/// </summary>
public sealed class WatcherHost(WorkspaceWatcher watcher) : IHostedService
{
    // Long enough that an editor's save (temp file, rename, attribute change) is one burst.
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// The whole workspace, except the folders its .gitignore rules exclude (and .git and .kiro/.runtime,
    /// always; .kiro is always watched). Once <paramref name="budget"/> (shared by every workspace's
    /// watcher; e.g. <see cref="WatchBudget.ShareOfUserLimit"/>) or the operating system refuses a watch,
    /// it polls and raises <see cref="WorkspaceWatcher.Degraded"/>.
    /// </summary>
    public static WorkspaceWatcher Create(WorkspaceRoot root, WatchBudget? budget = null) =>
        new(root, ".", Debounce, new WatcherOptions { Budget = budget });

    public Task StartAsync(CancellationToken cancellationToken)
    {
        watcher.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        watcher.Dispose();
        return Task.CompletedTask;
    }
}
