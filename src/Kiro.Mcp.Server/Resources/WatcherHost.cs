using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Starts a workspace's <see cref="WorkspaceWatcher"/>. It is registered after every listener (spec
/// notifications, file hooks), so all of them have subscribed before the first event arrives. When the
/// watcher falls back to polling, it says so in the log (and hook_list says so as a finding).
/// </summary>
public sealed partial class WatcherHost(WorkspaceWatcher watcher, WorkspaceRoot root, ILogger<WatcherHost> logger) : IHostedService
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
        // Raised inside Start when the first watches are already refused: subscribe first.
        watcher.Degraded += OnDegraded;
        watcher.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        watcher.Degraded -= OnDegraded;
        watcher.Dispose();
        return Task.CompletedTask;
    }

    private void OnDegraded(string reason) => LogDegraded(logger, root.FullPath, reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {Workspace} by polling: {Reason}")]
    private static partial void LogDegraded(ILogger logger, string workspace, string reason);
}
