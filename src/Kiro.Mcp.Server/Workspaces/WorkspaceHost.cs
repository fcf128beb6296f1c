using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Resources;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Workspaces;

/// <summary>
/// One loaded workspace: its own service container (index, caches, watcher, hooks) with its listeners
/// started. Calls hold a lease while they run; a host with none can be retired, after which no lease is
/// given and the pool loads the workspace anew on its next use.
/// </summary>
public sealed class WorkspaceHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _started = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private int _leases;
    private bool _retired;
    private long _lastUsed;

    private WorkspaceHost(WorkspaceEntry entry, ServiceProvider services, TimeProvider time)
    {
        Entry = entry;
        _services = services;
        _time = time;
        _lastUsed = time.GetTimestamp();
    }

    public WorkspaceEntry Entry { get; }

    public IServiceProvider Services => _services;

    /// <summary>How long no call has used the workspace (zero while one runs).</summary>
    public TimeSpan Idle
    {
        get
        {
            lock (_gate)
            {
                return _leases > 0 ? TimeSpan.Zero : _time.GetElapsedTime(_lastUsed);
            }
        }
    }

    /// <summary>Builds the workspace's container from the server-wide one and starts its listeners, first to last.</summary>
    public static async Task<WorkspaceHost> LoadAsync(WorkspaceEntry entry, IServiceProvider server, ServerSettings settings, CancellationToken cancellationToken)
    {
        var provider = BuildServices(entry, server, settings);
        var host = new WorkspaceHost(entry, provider, server.GetRequiredService<TimeProvider>());
        try
        {
            foreach (var service in provider.GetServices<IHostedService>())
            {
                await service.StartAsync(cancellationToken);
                host._started.Add(service);
            }
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    /// <summary>
    /// The workspace's services, nothing started: a loaded host's container, or a look at an unloaded
    /// workspace (workspace_list's counts) that reads its files and is thrown away.
    /// </summary>
    public static ServiceProvider BuildServices(WorkspaceEntry entry, IServiceProvider server, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(server);
        var services = new ServiceCollection();
        // Shared by every workspace: logging, the clock, the user's ~/.kiro and trust list, who subscribed to what, the watch budget.
        services.AddSingleton(server.GetRequiredService<ILoggerFactory>());
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(server.GetRequiredService<TimeProvider>());
        services.AddSingleton(server.GetRequiredService<UserKiroFolder>());
        services.AddSingleton(server.GetRequiredService<TrustList>());
        services.AddSingleton(server.GetRequiredService<SubscriptionRegistry>());
        services.AddSingleton(server.GetRequiredService<WatchBudget>());
        services.AddSingleton(new ServedWorkspace(entry.Name));
        services.AddKiroWorkspace(entry.Path, settings);
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>A lease for one call, or null when the host was retired and the workspace must be loaded again.</summary>
    public IDisposable? TryEnter()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return null;
            }
            _leases++;
            return new Lease(this);
        }
    }

    /// <summary>Retires the host if no call holds a lease and it has been idle for <paramref name="idle"/>.</summary>
    public bool TryRetire(TimeSpan idle)
    {
        lock (_gate)
        {
            if (_retired || _leases > 0 || _time.GetElapsedTime(_lastUsed) < idle)
            {
                return false;
            }
            _retired = true;
            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _retired = true;
        }
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].StopAsync(CancellationToken.None);
        }
        _started.Clear();
        await _services.DisposeAsync();
    }

    private void Leave()
    {
        lock (_gate)
        {
            _leases--;
            _lastUsed = _time.GetTimestamp();
        }
    }

    private sealed class Lease(WorkspaceHost host) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                host.Leave();
            }
        }
    }
}
