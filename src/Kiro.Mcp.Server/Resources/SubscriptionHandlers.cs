using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// The two ways to subscribe: <c>resources/subscribe</c> (initialize-era clients, on a session) and
/// <c>subscriptions/listen</c> (2026-07-28 clients, one held-open request whose response stream carries the
/// notifications; it works on stateless HTTP too). Either way the address's workspace must be registered,
/// and is loaded so its watcher runs; it stays loaded while anyone listens.
/// </summary>
public static class SubscriptionHandlers
{
    public static async ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var uri = context.Params!.Uri;
        await LoadAsync(context, uri, cancellationToken);
        context.Services!.GetRequiredService<SubscriptionRegistry>().Subscribe(context.Server, uri);
        return new EmptyResult();
    }

    public static ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        context.Services!.GetRequiredService<SubscriptionRegistry>().Unsubscribe(context.Server, context.Params!.Uri);
        return ValueTask.FromResult(new EmptyResult());
    }

    /// <summary>
    /// Stateless HTTP has no channel for a session's notifications: say so, rather than accept a
    /// subscription that will never be served.
    /// </summary>
    public static ValueTask<EmptyResult> RefuseStatelessAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken) =>
        throw new McpProtocolException(
            "This server runs stateless HTTP, which cannot send notifications on a session. Use subscriptions/listen (protocol 2026-07-28), or a stateful server (no --stateless).",
            McpErrorCode.MethodNotFound);

    /// <summary>
    /// Owns a <c>subscriptions/listen</c> stream (the SDK's own handler grants nothing on stateless HTTP): it
    /// acknowledges what it will deliver, then sends <c>resources/updated</c> for the subscribed addresses and
    /// <c>resources/list_changed</c> if asked, each tagged with the request's id, until the client cancels.
    /// </summary>
    public static async ValueTask<EmptyResult> ListenAsync(RequestContext<SubscriptionsListenRequestParams> context, CancellationToken cancellationToken)
    {
        var requested = context.Params?.Notifications ?? new SubscriptionsListenNotifications();
        var uris = new HashSet<string>(requested.ResourceSubscriptions ?? [], StringComparer.Ordinal);
        foreach (var uri in uris)
        {
            // The SDK has no filter for subscriptions/listen: the role check that resources/subscribe gets from RoleFilters.
            Team.RoleFilters.CheckResource(context, uri, "listening to resources");
            await LoadAsync(context, uri, cancellationToken);
        }
        var listChanged = requested.ResourcesListChanged == true;
        var stream = new Subscriber.Stream(context.Server, context.JsonRpcRequest.Id, uris, listChanged);
        using (context.Services!.GetRequiredService<SubscriptionRegistry>().Listen(stream))
        {
            var granted = new SubscriptionsListenNotifications
            {
                ResourceSubscriptions = uris.Count > 0 ? [.. uris] : null,
                ResourcesListChanged = listChanged ? true : null,
            };
            await stream.SendAsync(NotificationMethods.SubscriptionsAcknowledgedNotification,
                Subscriber.Parameters(new SubscriptionsAcknowledgedNotificationParams { Notifications = granted }), cancellationToken);
            // The server's stop ends the stream too: the host waits for open requests when it stops (30 s by default),
            // so every listening client would otherwise hold a SIGTERM that long. The client listens again once it is back.
            var stopping = context.Services!.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            using var streamEnds = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
            try
            {
                await Task.Delay(Timeout.Infinite, streamEnds.Token);
            }
            catch (OperationCanceledException)
            {
                // The client closed the stream or cancelled the request, or the server is stopping: the subscription ends here.
            }
        }
        return new EmptyResult();
    }

    /// <summary>
    /// Loads the workspace a kiro:// address names (refusing an unregistered one); other addresses (a test
    /// host's fixtures) are not ours to check.
    /// </summary>
    private static async Task LoadAsync(MessageContext context, string uri, CancellationToken cancellationToken)
    {
        if (!uri.StartsWith(ResourceUris.Scheme, StringComparison.Ordinal))
        {
            return;
        }
        try
        {
            await context.Services!.GetRequiredService<WorkspaceSelector>().LoadAsync(context, ResourceUris.WorkspaceOf(uri) ?? "", cancellationToken);
        }
        catch (KiroException e)
        {
            throw new McpProtocolException($"[{e.Code}] {e.Message}", McpErrorCode.InvalidParams);
        }
    }
}
