using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace Kiro.Mcp.Server.Tests.Workspaces;

public sealed class WorkspacePoolTests : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kiro-mcp-pool-").FullName;
    private ServiceProvider? _services;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Of_twenty_registered_repositories_only_those_used_are_loaded_each_with_its_own_services()
    {
        for (var i = 0; i < 20; i++)
        {
            Directory.CreateDirectory(Path.Combine(_dir, $"repo-{i:00}", ".kiro"));
        }
        var pool = Pool(new ServerSettings { WorkspaceFolders = [_dir] });
        var catalog = _services!.GetRequiredService<WorkspaceCatalog>();

        var (first, firstLease) = await pool.EnterAsync(catalog.Resolve("repo-03"), CancellationToken.None);
        var (second, secondLease) = await pool.EnterAsync(catalog.Resolve("repo-11"), CancellationToken.None);
        firstLease.Dispose();
        secondLease.Dispose();

        Assert.Equal(["repo-03", "repo-11"], pool.Loaded);
        Assert.Equal(Path.Combine(_dir, "repo-03"), first.Services.GetRequiredService<WorkspaceRoot>().FullPath);
        Assert.NotSame(first.Services.GetRequiredService<SpecService>(), second.Services.GetRequiredService<SpecService>());
    }

    [Fact]
    public async Task An_idle_workspace_is_unloaded_and_loaded_again_on_its_next_use_but_not_while_a_call_holds_it()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "busy", ".kiro"));
        Directory.CreateDirectory(Path.Combine(_dir, "idle", ".kiro"));
        var pool = Pool(new ServerSettings { WorkspaceFolders = [_dir], IdleUnload = TimeSpan.FromMilliseconds(200) });
        var catalog = _services!.GetRequiredService<WorkspaceCatalog>();
        var (busy, busyLease) = await pool.EnterAsync(catalog.Resolve("busy"), CancellationToken.None);
        var (idle, idleLease) = await pool.EnterAsync(catalog.Resolve("idle"), CancellationToken.None);
        idleLease.Dispose();

        await PollAsync(() => !pool.Loaded.Contains("idle"));
        Assert.Contains("busy", pool.Loaded);
        busyLease.Dispose();
        var (again, againLease) = await pool.EnterAsync(catalog.Resolve("idle"), CancellationToken.None);
        againLease.Dispose();

        Assert.NotSame(idle, again);
        Assert.Same(busy, (await pool.EnterAsync(catalog.Resolve("busy"), CancellationToken.None)).Host);
    }

    [Fact]
    public async Task A_workspace_given_with_workspace_is_kept_however_long_it_idles()
    {
        var pinned = Path.Combine(_dir, "pinned");
        Directory.CreateDirectory(pinned);
        var pool = Pool(new ServerSettings { Workspaces = [new WorkspaceEntry("pinned", pinned)], IdleUnload = TimeSpan.FromMilliseconds(100) });
        var (host, lease) = await pool.EnterAsync(new WorkspaceEntry("pinned", pinned), CancellationToken.None);
        lease.Dispose();

        await Task.Delay(TimeSpan.FromMilliseconds(600));

        Assert.Same(host, (await pool.EnterAsync(new WorkspaceEntry("pinned", pinned), CancellationToken.None)).Host);
    }

    private WorkspacePool Pool(ServerSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new UserKiroFolder(_dir + ".user-kiro"));
        services.AddKiroWorkspaces(settings);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<WorkspacePool>();
    }

    private static async Task PollAsync(Func<bool> condition)
    {
        for (var waited = TimeSpan.Zero; !condition(); waited += TimeSpan.FromMilliseconds(50))
        {
            Assert.True(waited < TimeSpan.FromSeconds(30), "the condition never held");
            await Task.Delay(50);
        }
    }
}
