using System.Threading.Channels;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// Server-sent events for a workspace's pages: "change" whenever something under .kiro/ changes on disk (this server,
/// another client, an editor, git), fed by the workspace's own watcher. The page's script then fetches itself again.
/// </summary>
public static class DashboardEvents
{
    /// <summary>A comment line this often keeps proxies and the browser from closing an idle stream.</summary>
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(string workspace, WorkspaceCatalog catalog, WorkspacePool pool, DashboardStreams streams, HttpContext http, CancellationToken cancellationToken)
    {
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
                while (!cancellationToken.IsCancellationRequested)
                {
                    using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    beat.CancelAfter(Heartbeat);
                    try
                    {
                        await changes.Reader.ReadAsync(beat.Token);
                        await http.Response.WriteAsync("event: change\ndata: .kiro\n\n", cancellationToken);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        await http.Response.WriteAsync(": heartbeat\n\n", cancellationToken);
                    }
                    await http.Response.Body.FlushAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                // The page went away.
            }
            finally
            {
                watcher.Changed -= OnChanged;
            }
        }
    }
}
