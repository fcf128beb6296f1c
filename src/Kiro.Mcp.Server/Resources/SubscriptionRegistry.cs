using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Who hears about which workspace: the resources each session subscribed to, the open
/// <c>subscriptions/listen</c> streams, and which workspaces each session has used (a workspace's
/// <c>list_changed</c> goes to those only). The SDK keeps no such record. Sessions are held weakly, so an
/// HTTP session that ends is forgotten with it; a subscriber whose send fails is dropped. Every
/// subscribed address names its workspace, so one workspace's changes never reach another's subscribers.
/// </summary>
public sealed class SubscriptionRegistry
{
    private readonly ConditionalWeakTable<McpServer, SessionState> _sessions = [];
    private readonly ConcurrentDictionary<Subscriber.Stream, byte> _streams = new();

    public void Subscribe(McpServer server, string uri) => State(server).Uris[uri] = 0;

    public void Unsubscribe(McpServer server, string uri)
    {
        if (_sessions.TryGetValue(server, out var state))
        {
            state.Uris.TryRemove(uri, out _);
        }
    }

    /// <summary>Remembers that a session used a workspace, so that it hears when the workspace's resource list changes.</summary>
    public void Used(McpServer server, string workspace) => State(server).Workspaces[workspace] = 0;

    /// <summary>Adds an open listen stream until the returned handle is disposed.</summary>
    public IDisposable Listen(Subscriber.Stream stream)
    {
        _streams[stream] = 0;
        return new Removal(() => _streams.TryRemove(stream, out _));
    }

    /// <summary>True while anyone subscribed to an address of the workspace: it must stay loaded to hear its changes.</summary>
    public bool HasSubscribers(string workspace) =>
        _sessions.Any(s => s.Value.Uris.Keys.Any(u => ResourceUris.WorkspaceOf(u) == workspace))
        || _streams.Keys.Any(s => s.Uris.Any(u => ResourceUris.WorkspaceOf(u) == workspace));

    /// <summary>Sends <c>resources/updated</c> for every subscribed address of <paramref name="workspace"/> that <paramref name="affected"/> accepts.</summary>
    public async Task UpdatedAsync(string workspace, Func<string, bool> affected)
    {
        var sessions = _sessions.SelectMany(s => s.Value.Uris.Keys.Select(uri => ((Subscriber)s.Value.Subscriber, uri)));
        var streams = _streams.Keys.SelectMany(s => s.Uris.Select(uri => ((Subscriber)s, uri)));
        foreach (var (subscriber, uri) in sessions.Concat(streams).Where(s => ResourceUris.WorkspaceOf(s.uri) == workspace && affected(s.uri)).ToList())
        {
            await SendAsync(subscriber, NotificationMethods.ResourceUpdatedNotification, Subscriber.Parameters(new ResourceUpdatedNotificationParams { Uri = uri }));
        }
    }

    /// <summary>Sends <c>resources/list_changed</c> to the sessions that used the workspace and to the streams that asked for list changes.</summary>
    public async Task ListChangedAsync(string workspace)
    {
        var sessions = _sessions.Where(s => s.Value.Workspaces.ContainsKey(workspace)).Select(s => (Subscriber)s.Value.Subscriber);
        var streams = _streams.Keys.Where(s => s.ListChanged);
        foreach (var subscriber in sessions.Concat(streams).ToList())
        {
            await SendAsync(subscriber, NotificationMethods.ResourceListChangedNotification, null);
        }
    }

    private SessionState State(McpServer server) => _sessions.GetValue(server, s => new SessionState(new Subscriber.Session(s)));

    private async Task SendAsync(Subscriber subscriber, string method, JsonNode? parameters)
    {
        try
        {
            await subscriber.SendAsync(method, parameters, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The session or stream is gone (client disconnected, HTTP session ended): forget it.
            switch (subscriber)
            {
                case Subscriber.Session session:
                    _sessions.Remove(session.Server);
                    break;
                case Subscriber.Stream stream:
                    _streams.TryRemove(stream, out _);
                    break;
            }
        }
    }

    private sealed record SessionState(Subscriber.Session Subscriber)
    {
        public ConcurrentDictionary<string, byte> Uris { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, byte> Workspaces { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
