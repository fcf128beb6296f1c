using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Watches .kiro for changes made by anyone (this server, another client, an editor, git) and tells
/// subscribed sessions: <c>resources/updated</c> for the resources a change affects, and
/// <c>resources/list_changed</c> to every session when specs appear or go.
/// </summary>
public sealed partial class WorkspaceChangeNotifier(
    WorkspaceRoot root,
    SpecIndex index,
    SpecService specs,
    SubscriptionRegistry registry,
    ILogger<WorkspaceChangeNotifier> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

    // Notifications go out one batch at a time, in the order the changes were seen.
    private readonly SemaphoreSlim _sending = new(1, 1);
    private WorkspaceWatcher? _watcher;
    private IReadOnlyList<string> _names = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _names = specs.Names();
        _watcher = new WorkspaceWatcher(root, ".kiro", Debounce);
        _watcher.Changed += paths => _ = OnChangedAsync(paths);
        _watcher.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _watcher = null;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _sending.Dispose();
    }

    private async Task OnChangedAsync(IReadOnlyList<string> paths)
    {
        await _sending.WaitAsync();
        try
        {
            index.Forget(paths);
            var names = specs.Names();
            var listChanged = !names.SequenceEqual(_names);
            _names = names;
            LogChange(logger, paths.Count, listChanged);

            foreach (var (server, uri) in registry.Subscriptions().Where(s => paths.Any(p => ResourceUris.IsAffected(s.Uri, p))))
            {
                await SendAsync(server, NotificationMethods.ResourceUpdatedNotification, new ResourceUpdatedNotificationParams { Uri = uri });
            }
            if (listChanged)
            {
                foreach (var server in registry.Sessions)
                {
                    await SendAsync(server, NotificationMethods.ResourceListChangedNotification, new ResourceListChangedNotificationParams());
                }
            }
        }
        catch (Exception e)
        {
            // A failed notification must never take the watcher (or the server) down.
            LogFailure(logger, e);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task SendAsync<T>(McpServer server, string method, T parameters)
    {
        try
        {
            await server.SendNotificationAsync(method, parameters);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The session is gone (client disconnected, HTTP session ended): forget it.
            registry.Drop(server);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Workspace changed: {Count} path(s), spec list changed: {ListChanged}")]
    private static partial void LogChange(ILogger logger, int count, bool listChanged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send change notifications")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
