using System.Collections.Concurrent;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Which sessions exist and which resources each subscribed to. The SDK keeps no such record: on
/// stdio there is one session, on stateful HTTP one <see cref="McpServer"/> per session. A session
/// is dropped when sending to it fails.
/// </summary>
public sealed class SubscriptionRegistry
{
    private readonly ConcurrentDictionary<McpServer, ConcurrentDictionary<string, byte>> _sessions = new();

    public IReadOnlyCollection<McpServer> Sessions => _sessions.Keys.ToList();

    public void Track(McpServer server) => _sessions.GetOrAdd(server, _ => new(StringComparer.Ordinal));

    public void Subscribe(McpServer server, string uri) => _sessions.GetOrAdd(server, _ => new(StringComparer.Ordinal))[uri] = 0;

    public void Unsubscribe(McpServer server, string uri)
    {
        if (_sessions.TryGetValue(server, out var uris))
        {
            uris.TryRemove(uri, out _);
        }
    }

    public void Drop(McpServer server) => _sessions.TryRemove(server, out _);

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
