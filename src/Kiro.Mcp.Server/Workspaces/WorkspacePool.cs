using System.Collections.Concurrent;
using System.Diagnostics;
using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Resources;

namespace Kiro.Mcp.Server.Workspaces;

/// <summary>
/// The loaded workspaces. A workspace is loaded on its first use and unloaded once no call, subscription
/// or listen stream has used it for <see cref="ServerSettings.IdleUnload"/>, so a server that knows a
/// hundred repositories holds only the few in use. The workspaces named with <c>--workspace</c> are the
/// exception: they are loaded at start and kept, so their file hooks and notifications work before the
/// assistant's first call, as a one-repository server always did.
/// </summary>
public sealed partial class WorkspacePool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<WorkspaceHost>>> _hosts = new(StringComparer.Ordinal);
    private readonly WorkspaceCatalog _catalog;
    private readonly IServiceProvider _server;
    private readonly ServerSettings _settings;
    private readonly SubscriptionRegistry _subscriptions;
    private readonly ILogger<WorkspacePool> _logger;
    private readonly HashSet<string> _pinned;
    private readonly Timer _sweep;
    private readonly CancellationTokenSource _stopping = new();

    public WorkspacePool(WorkspaceCatalog catalog, IServiceProvider server, ServerSettings settings, SubscriptionRegistry subscriptions, ILogger<WorkspacePool> logger)
    {
        _catalog = catalog;
        _server = server;
        _settings = settings;
        _subscriptions = subscriptions;
        _logger = logger;
        _pinned = [.. settings.Workspaces.Select(w => w.Name)];
        var period = settings.IdleUnload / 4 < TimeSpan.FromSeconds(30) ? settings.IdleUnload / 4 : TimeSpan.FromSeconds(30);
        _sweep = new Timer(_ => _ = SweepAsync(), null, period, period);
    }

    /// <summary>The names of the workspaces loaded now, sorted.</summary>
    public IReadOnlyList<string> Loaded =>
        [.. _hosts.Where(h => h.Value.IsValueCreated && h.Value.Value.IsCompletedSuccessfully).Select(h => h.Key).Order(StringComparer.Ordinal)];

    /// <summary>Loads the pinned workspaces (those named with --workspace) in the background.</summary>
    public void LoadPinned()
    {
        foreach (var name in _pinned)
        {
            if (_catalog.Find(name) is { } entry)
            {
                _ = _hosts.GetOrAdd(name, _ => new Lazy<Task<WorkspaceHost>>(() => LoadAsync(entry))).Value;
            }
        }
    }

    /// <summary>The workspace's host, loaded if it is not, with a lease the caller disposes when its call is over.</summary>
    public async Task<(WorkspaceHost Host, IDisposable Lease)> EnterAsync(WorkspaceEntry entry, CancellationToken cancellationToken)
    {
        while (true)
        {
            var slot = _hosts.GetOrAdd(entry.Name, _ => new Lazy<Task<WorkspaceHost>>(() => LoadAsync(entry)));
            WorkspaceHost host;
            try
            {
                host = await slot.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (slot.Value.IsFaulted)
            {
                // A failed load (the folder went away) is not remembered: the next call tries again.
                _hosts.TryRemove(KeyValuePair.Create(entry.Name, slot));
                throw;
            }
            if (host.TryEnter() is { } lease)
            {
                return (host, lease);
            }
            // Retired by the sweep between the lookup and the lease: load it again.
            _hosts.TryRemove(KeyValuePair.Create(entry.Name, slot));
        }
    }

    /// <summary>
    /// Runs <paramref name="look"/> on the workspace's services without loading it: a loaded workspace's own,
    /// or a container built for the look and thrown away (no watcher, no hooks, nothing kept).
    /// </summary>
    public async Task<T> PeekAsync<T>(WorkspaceEntry entry, Func<IServiceProvider, Task<T>> look)
    {
        ArgumentNullException.ThrowIfNull(look);
        if (_hosts.TryGetValue(entry.Name, out var slot) && slot.IsValueCreated && await Completed(slot.Value) is { } host && host.TryEnter() is { } lease)
        {
            using (lease)
            {
                return await look(host.Services);
            }
        }
        await using var services = WorkspaceHost.BuildServices(entry, _server, _settings);
        return await look(services);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        await _stopping.CancelAsync();
        await _sweep.DisposeAsync();
        foreach (var (_, lazy) in _hosts)
        {
            if (lazy.IsValueCreated && await Completed(lazy.Value) is { } host)
            {
                await host.DisposeAsync();
            }
        }
        _hosts.Clear();
    }

    private async Task<WorkspaceHost> LoadAsync(WorkspaceEntry entry)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var host = await WorkspaceHost.LoadAsync(entry, _server, _settings, _stopping.Token);
            LogLoaded(_logger, entry.Name, entry.Path, clock.ElapsedMilliseconds);
            return host;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLoadFailed(_logger, entry.Name, entry.Path, e);
            throw;
        }
    }

    private async Task SweepAsync()
    {
        foreach (var (name, lazy) in _hosts)
        {
            if (_pinned.Contains(name) || !lazy.IsValueCreated || await Completed(lazy.Value) is not { } host
                || _subscriptions.HasSubscribers(name) || !host.TryRetire(_settings.IdleUnload))
            {
                continue;
            }
            _hosts.TryRemove(KeyValuePair.Create(name, lazy));
            try
            {
                await host.DisposeAsync();
                LogUnloaded(_logger, name, _settings.IdleUnload.TotalSeconds);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogUnloadFailed(_logger, name, e);
            }
        }
    }

    private static async Task<WorkspaceHost?> Completed(Task<WorkspaceHost> task)
    {
        try
        {
            return task.IsCompleted ? await task : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace '{Name}' loaded ({Path}) in {Milliseconds} ms")]
    private static partial void LogLoaded(ILogger logger, string name, string path, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace '{Name}' ({Path}) could not be loaded")]
    private static partial void LogLoadFailed(ILogger logger, string name, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workspace '{Name}' unloaded after {Seconds} s unused")]
    private static partial void LogUnloaded(ILogger logger, string name, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workspace '{Name}' could not be unloaded cleanly")]
    private static partial void LogUnloadFailed(ILogger logger, string name, Exception exception);
}
