using Kiro.Mcp.Workspace;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Workspaces;

/// <summary>
/// Decides which workspace a request is for, the same way for tools, resources, prompts and completions,
/// over stdio and HTTP alike: the endpoint's workspace when the request came to <c>/mcp/NAME</c>, else the
/// name the request gives (a tool's or prompt's <c>workspace</c> argument, a resource address's first
/// segment), else the default. Only registered names are accepted; a path never is.
/// </summary>
public sealed class WorkspaceSelector(WorkspaceCatalog catalog, WorkspacePool pool, Resources.SubscriptionRegistry subscriptions, Hosting.ServerSettings settings)
{
    /// <summary>The argument of every workspace-bound tool and prompt.</summary>
    public const string Argument = "workspace";

    /// <summary>Where an endpoint's workspace travels with each message of its session (see <see cref="Pin"/>).</summary>
    private const string PinnedItem = "kiro-mcp.workspace";

    public WorkspaceCatalog Catalog => catalog;

    public WorkspaceEntry Choose(MessageContext context, string? requested)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Pinned(context) is { } pinned)
        {
            if (requested is not null && requested != pinned)
            {
                throw new KiroException("workspace_not_served",
                    $"This endpoint serves only the workspace '{pinned}'. '{requested}' has its own endpoint, /mcp/{Uri.EscapeDataString(requested)}.");
            }
            requested = pinned;
        }
        return catalog.Resolve(requested);
    }

    /// <summary>
    /// Loads the chosen workspace if needed and points the request's services at it for the duration of
    /// <paramref name="call"/>, which holds the workspace loaded while it runs.
    /// </summary>
    public async Task<T> RunAsync<T>(MessageContext context, string? requested, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(call);
        var entry = Choose(context, requested);
        var (host, lease) = await pool.EnterAsync(entry, cancellationToken);
        using (lease)
        {
            // A stateless request is no session: nothing can be sent to it later.
            if (!settings.Stateless)
            {
                subscriptions.Used(context.Server, entry.Name);
            }
            context.Services = new WorkspaceServices(host.Services, context.Services);
            return await call();
        }
    }

    /// <summary>Loads the workspace (a subscription needs its watcher running) without holding it.</summary>
    public async Task LoadAsync(MessageContext context, string? requested, CancellationToken cancellationToken)
    {
        var (_, lease) = await pool.EnterAsync(Choose(context, requested), cancellationToken);
        lease.Dispose();
    }

    /// <summary>A message filter that marks every message of a session as addressed to <paramref name="workspace"/> (HTTP's /mcp/NAME).</summary>
    public static McpMessageFilter Pin(string workspace) => next => (context, cancellationToken) =>
    {
        context.Items[PinnedItem] = workspace;
        return next(context, cancellationToken);
    };

    public static string? Pinned(MessageContext context) =>
        context.JsonRpcMessage.Context?.Items is { } items && items.TryGetValue(PinnedItem, out var value) ? value as string : null;
}
