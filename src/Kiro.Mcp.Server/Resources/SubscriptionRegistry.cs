using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Which sessions exist and which resources each subscribed to. The SDK keeps no such record: on
/// stdio there is one session, on stateful HTTP one <see cref="McpServer"/> per session. Sessions are
/// held weakly, so an HTTP session that ends is forgotten with it; one whose send fails is dropped.
/// </summary>
public sealed class SubscriptionRegistry
{
    private readonly ConditionalWeakTable<McpServer, ConcurrentDictionary<string, byte>> _sessions = [];

    public IReadOnlyCollection<McpServer> Sessions => _sessions.Select(s => s.Key).ToList();

    public void Track(McpServer server) => _sessions.GetValue(server, _ => new(StringComparer.Ordinal));

    public void Subscribe(McpServer server, string uri) => _sessions.GetValue(server, _ => new(StringComparer.Ordinal))[uri] = 0;

    public void Unsubscribe(McpServer server, string uri)
    {
        if (_sessions.TryGetValue(server, out var uris))
        {
            uris.TryRemove(uri, out _);
        }
    }

    public void Drop(McpServer server) => _sessions.Remove(server);

    public IReadOnlyList<(McpServer Server, string Uri)> Subscriptions() =>
        _sessions.SelectMany(s => s.Value.Keys.Select(uri => (s.Key, uri))).ToList();

    public static ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        context.Services!.GetRequiredService<SubscriptionRegistry>().Subscribe(context.Server, context.Params!.Uri);
        return ValueTask.FromResult(new EmptyResult());
    }

    public static ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        context.Services!.GetRequiredService<SubscriptionRegistry>().Unsubscribe(context.Server, context.Params!.Uri);
        return ValueTask.FromResult(new EmptyResult());
    }

    /// <summary>Remembers every session that sends a message, so list changes reach sessions that never subscribed.</summary>
    public static McpMessageHandler TrackSessions(McpMessageHandler next) => (context, cancellationToken) =>
    {
        context.Services?.GetService<SubscriptionRegistry>()?.Track(context.Server);
        return next(context, cancellationToken);
    };
}
