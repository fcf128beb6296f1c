using System.Collections.Concurrent;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// The ids of the stateful HTTP sessions that are alive, from the moment the SDK creates one until it ends
/// (DELETE, idle timeout, shutdown). The SDK keeps its own table private; this one lets a DELETE of an unknown
/// session be told apart from a real one (<see cref="SessionDeleteMiddleware"/>).
/// </summary>
public sealed class SessionRegistry
{
    private readonly ConcurrentDictionary<string, byte> _live = new(StringComparer.Ordinal);

    public bool IsLive(string sessionId) => _live.ContainsKey(sessionId);

    /// <summary>Raised with the id of a session that ended (its subscriptions go with it).</summary>
    public event Action<string>? Ended;

    /// <summary>Runs every session through the registry (the SDK calls this once per stateful session).</summary>
    public void Attach(HttpServerTransportOptions options)
    {
#pragma warning disable MCPEXP002 // RunSessionHandler is experimental: it is the SDK's only hook on a session's whole lifetime.
        options.RunSessionHandler = RunAsync;
#pragma warning restore MCPEXP002
    }

    private async Task RunAsync(HttpContext context, McpServer server, CancellationToken cancellationToken)
    {
        var id = server.SessionId;
        if (id is not null)
        {
            _live[id] = 0;
        }
        try
        {
            // What the SDK runs when no handler is set.
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            if (id is not null)
            {
                _live.TryRemove(id, out _);
                Ended?.Invoke(id);
            }
        }
    }
}
