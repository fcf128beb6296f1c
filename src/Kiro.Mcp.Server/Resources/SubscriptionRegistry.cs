using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Who hears about which workspace: the resources each session subscribed to, the open
/// <c>subscriptions/listen</c> streams, and which workspaces each session has used (a workspace's
/// <c>list_changed</c> goes to those only). The SDK keeps no such record. A session is known by its id (stdio
/// has one session, with none): the <see cref="McpServer"/> a handler gets is a wrapper made for each request,
/// so it cannot be the key. An HTTP session is forgotten when it ends (<see cref="Forget"/>), and any
/// subscriber whose send fails is dropped. Every subscribed address names its workspace, so one workspace's
/// changes never reach another's subscribers.
/// </summary>
public sealed class SubscriptionRegistry
{
    private readonly ConcurrentDictionary<string, SessionState> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Subscriber.Stream, byte> _streams = new();

    public void Subscribe(McpServer server, string uri)
    {
        State(server).Uris[uri] = 0;
        Widen([uri]);
    }

    /// <summary>Raised with a workspace's name when someone subscribed to what only a watch on its whole tree sees.</summary>
    public event Action<string>? WholeTreeWanted;

    /// <summary>True while a subscription of the workspace needs its whole tree watched (<see cref="ResourceUris.NeedsWholeTree"/>).</summary>
    public bool WantsWholeTree(string workspace) =>
        _sessions.Values.SelectMany(s => s.Uris.Keys).Concat(_streams.Keys.SelectMany(s => s.Uris))
            .Any(u => ResourceUris.WorkspaceOf(u) == workspace && ResourceUris.NeedsWholeTree(u));

    public void Unsubscribe(McpServer server, string uri)
    {
        if (_sessions.TryGetValue(Key(server), out var state))
        {
            state.Uris.TryRemove(uri, out _);
        }
    }

    /// <summary>Remembers that a session used a workspace, so that it hears when the workspace's resource list changes.</summary>
    public void Used(McpServer server, string workspace) => State(server).Workspaces[workspace] = 0;

    /// <summary>Forgets an HTTP session that ended, with its subscriptions.</summary>
    public void Forget(string sessionId) => _sessions.TryRemove(sessionId, out _);

    /// <summary>Adds an open listen stream until the returned handle is disposed.</summary>
    public IDisposable Listen(Subscriber.Stream stream)
    {
        _streams[stream] = 0;
        Widen(stream.Uris);
        return new Removal(() => _streams.TryRemove(stream, out _));
    }

    /// <summary>True while anyone subscribed to an address of the workspace: it must stay loaded to hear its changes.</summary>
    public bool HasSubscribers(string workspace) =>
        _sessions.Values.Any(s => s.Uris.Keys.Any(u => ResourceUris.WorkspaceOf(u) == workspace))
        || _streams.Keys.Any(s => s.Uris.Any(u => ResourceUris.WorkspaceOf(u) == workspace));

    /// <summary>Sends <c>resources/updated</c> for every subscribed address of <paramref name="workspace"/> that <paramref name="affected"/> accepts.</summary>
    public async Task UpdatedAsync(string workspace, Func<string, bool> affected)
    {
        var sessions = _sessions.Values.Where(s => s.Subscriber is not null).SelectMany(s => s.Uris.Keys.Select(uri => ((Subscriber)s.Subscriber!, uri)));
        var streams = _streams.Keys.SelectMany(s => s.Uris.Select(uri => ((Subscriber)s, uri)));
        foreach (var (subscriber, uri) in sessions.Concat(streams).Where(s => ResourceUris.WorkspaceOf(s.uri) == workspace && affected(s.uri)).ToList())
        {
            await SendAsync(subscriber, NotificationMethods.ResourceUpdatedNotification, Subscriber.Parameters(new ResourceUpdatedNotificationParams { Uri = uri }));
        }
    }

    /// <summary>
    /// Sends <c>resources/list_changed</c> to the sessions that used the workspace (every session when
    /// <paramref name="workspace"/> is null: workspaces came or went) and to the streams that asked for list changes.
    /// </summary>
    public async Task ListChangedAsync(string? workspace)
    {
        var sessions = _sessions.Values.Where(s => s.Subscriber is not null && (workspace is null || s.Workspaces.ContainsKey(workspace))).Select(s => (Subscriber)s.Subscriber!);
        var streams = _streams.Keys.Where(s => s.ListChanged);
        foreach (var subscriber in sessions.Concat(streams).ToList())
        {
            await SendAsync(subscriber, NotificationMethods.ResourceListChangedNotification, null);
        }
    }

    /// <summary>
    /// The session's record, holding the latest request's server to send through: once that request is
    /// answered, the SDK sends what follows on the session's own channel.
    /// </summary>
    private SessionState State(McpServer server)
    {
        var state = _sessions.GetOrAdd(Key(server), _ => new SessionState());
        state.Subscriber = new Subscriber.Session(server);
        return state;
    }

    private void Widen(IEnumerable<string> uris)
    {
        foreach (var workspace in uris.Where(ResourceUris.NeedsWholeTree).Select(ResourceUris.WorkspaceOf).OfType<string>().Distinct())
        {
            WholeTreeWanted?.Invoke(workspace);
        }
    }

    private static string Key(McpServer server) => server.SessionId ?? "";

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
                    _sessions.TryRemove(Key(session.Server), out _);
                    break;
                case Subscriber.Stream stream:
                    _streams.TryRemove(stream, out _);
                    break;
            }
        }
    }

    private sealed class SessionState
    {
        public Subscriber.Session? Subscriber { get; set; }

        public ConcurrentDictionary<string, byte> Uris { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, byte> Workspaces { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
