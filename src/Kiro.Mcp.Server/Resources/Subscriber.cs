using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Where a notification goes: a session that subscribed with <c>resources/subscribe</c> (initialize-era
/// clients, on stdio or stateful HTTP), or one open <c>subscriptions/listen</c> request (2026-07-28
/// clients, stateless HTTP included), whose own response stream carries the notifications.
/// </summary>
public abstract class Subscriber
{
    public abstract Task SendAsync(string method, JsonNode? parameters, CancellationToken cancellationToken);

    /// <summary>A session: notifications go out on its own channel.</summary>
    public sealed class Session(McpServer server) : Subscriber
    {
        public McpServer Server { get; } = server;

        public override Task SendAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
            Server.SendNotificationAsync(method, parameters, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// A <c>subscriptions/listen</c> request. Its server is the request's own (the SDK routes what it sends
    /// over the request's response stream), and every notification carries the request's id as the
    /// subscription id, as SEP-2575 asks, so a client with several streams can tell them apart.
    /// </summary>
    public sealed class Stream(McpServer requestServer, RequestId id, IReadOnlySet<string> uris, bool listChanged) : Subscriber
    {
        public IReadOnlySet<string> Uris { get; } = uris;

        public bool ListChanged { get; } = listChanged;

        public override Task SendAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
        {
            var body = parameters?.DeepClone() as JsonObject ?? [];
            if (body["_meta"] is not JsonObject meta)
            {
                meta = [];
                body["_meta"] = meta;
            }
            meta[MetaKeys.SubscriptionId] = id.Id switch
            {
                string text => JsonValue.Create(text),
                long number => JsonValue.Create(number),
                _ => null,
            };
            return requestServer.SendMessageAsync(new JsonRpcNotification { Method = method, Params = body }, cancellationToken);
        }
    }

    public static JsonNode? Parameters<T>(T value) => JsonSerializer.SerializeToNode(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)ModelContextProtocol.McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T)));
}
