using System.Threading.Channels;
using Kiro.Mcp.Hooks.Execution;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// Server-sent events for a workspace's pages: "change" whenever something under .kiro/ changes on disk (this server,
/// another client, an editor, git), fed by the workspace's own watcher. The page's script then fetches itself again.
/// Hook runs are the exception: their history is runtime data in .kiro/.runtime, which the watcher never reports (lock
/// files churn there), so its file is looked at once a second instead, and the hook runs page is live too, whichever
/// process ran the hook.
/// </summary>
public static class DashboardEvents
{
    /// <summary>A comment line this often keeps proxies and the browser from closing an idle stream.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>How often the hook history's file is looked at: one stat, well inside "about a second".</summary>
    private static readonly TimeSpan HookRunsPoll = TimeSpan.FromSeconds(1);

    public static async Task StreamAsync(string workspace, WorkspaceCatalog catalog, WorkspacePool pool, DashboardStreams streams, IHostApplicationLifetime lifetime, HttpContext http, CancellationToken requestAborted)
    {
        // A stream never ends by itself, and the host waits for open requests when it stops (30 s by default): without
        // the server's own stop here, every open page would hold a SIGTERM (docker stop, systemd, Ctrl+C) that long.
        // The browser's EventSource reconnects by itself once the server is back.
        using var streamEnds = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var cancellationToken = streamEnds.Token;
        if (catalog.Find(workspace) is not { } entry)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        using var open = streams.TryOpen(http);
        if (open is null)
        {
            // The page still works: it just does not update itself until a stream frees up.
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "30";
            await http.Response.WriteAsync($"Too many live-update streams open: at most {DashboardStreams.PerCaller} per user and {DashboardStreams.Total} in all.", cancellationToken);
            return;
        }
        // The lease keeps the workspace (and its watcher) loaded while a page watches it.
        var (host, lease) = await pool.EnterAsync(entry, cancellationToken);
        using (lease)
        {
            var watcher = host.Services.GetRequiredService<WorkspaceWatcher>();
            var root = host.Services.GetRequiredService<FileStore>().Root;
            // Only whether something changed matters: one pending signal is enough, however many changes arrive.
            var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
            void OnChanged(IReadOnlyList<string> paths)
            {
                if (paths.Any(p => p == "." || p.StartsWith(".kiro", StringComparison.Ordinal)))
                {
                    changes.Writer.TryWrite(true);
                }
            }
            watcher.Changed += OnChanged;
            try
            {
                http.Response.Headers.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
                await http.Response.WriteAsync(": connected\n\n", cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);
                var hookRuns = HookRunsStamp(root);
                var quietSince = DateTime.UtcNow;
                while (!cancellationToken.IsCancellationRequested)
                {
                    using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    tick.CancelAfter(HookRunsPoll);
                    var changed = false;
                    try
                    {
                        changed = await changes.Reader.ReadAsync(tick.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        var now = HookRunsStamp(root);
                        changed = now != hookRuns;
                        hookRuns = now;
                    }
                    if (changed)
                    {
                        await http.Response.WriteAsync("event: change\ndata: .kiro\n\n", cancellationToken);
                    }
                    else if (DateTime.UtcNow - quietSince >= Heartbeat)
                    {
                        await http.Response.WriteAsync(": heartbeat\n\n", cancellationToken);
                    }
                    else
                    {
                        continue;
                    }
                    quietSince = DateTime.UtcNow;
                    await http.Response.Body.FlushAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                // The page went away, or the server is stopping.
            }
            finally
            {
                watcher.Changed -= OnChanged;
            }
        }
    }

    /// <summary>The hook history file's write time and length, or null when there is none (or its path is refused).</summary>
    private static string? HookRunsStamp(WorkspaceRoot root)
    {
        try
        {
            var file = new FileInfo(root.Resolve(HookHistory.Path));
            return file.Exists ? $"{file.LastWriteTimeUtc.Ticks}:{file.Length}" : null;
        }
        catch (KiroException)
        {
            return null;
        }
    }
}
