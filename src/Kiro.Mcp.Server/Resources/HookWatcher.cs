using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Hooks.Service;
using Kiro.Mcp.Workspace;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Watches the whole workspace (not .git, bin, obj, node_modules or .kiro/.runtime) and fires the
/// file hooks for what editors, tools and this server write; tells subscribers of the hook resources
/// when hook files change or a prompt arrives or is handed out.
/// </summary>
public sealed partial class HookWatcher(WorkspaceRoot root, HookService hooks, SubscriptionRegistry registry, ILogger<HookWatcher> logger) : IHostedService, IDisposable
{
    // Long enough that an editor's save (temp file, rename, attribute change) is one burst.
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private WorkspaceWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _watcher = new WorkspaceWatcher(root, ".", Debounce, new WatcherOptions { IgnoredFolders = WatcherOptions.BuildFolders });
        _watcher.FilesChanged += changes => _ = OnFilesChangedAsync(changes);
        _watcher.Changed += paths =>
        {
            if (paths.Any(p => p.StartsWith(HookCatalog.WorkspaceFolder + "/", StringComparison.Ordinal) || p is "." or ".kiro" or HookCatalog.WorkspaceFolder))
            {
                _ = NotifyAsync(HookResources.Hooks);
            }
        };
        hooks.Pending.Changed += () => _ = NotifyAsync(HookResources.Pending);
        _watcher.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        return Task.CompletedTask;
    }

    public void Dispose() => _watcher?.Dispose();

    private async Task OnFilesChangedAsync(IReadOnlyList<WorkspaceChange> changes)
    {
        try
        {
            LogChanges(logger, changes.Count);
            await hooks.OnFilesChangedAsync(changes, CancellationToken.None);
        }
        catch (Exception e)
        {
            // A broken hook file or a failed run must never take the watcher down.
            LogFailure(logger, e);
        }
    }

    private async Task NotifyAsync(string uri)
    {
        foreach (var (server, _) in registry.Subscriptions().Where(s => s.Uri == uri))
        {
            try
            {
                await server.SendNotificationAsync(NotificationMethods.ResourceUpdatedNotification, new ResourceUpdatedNotificationParams { Uri = uri });
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                registry.Drop(server);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hook triggers: {Count} file change(s)")]
    private static partial void LogChanges(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fire file hooks")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
