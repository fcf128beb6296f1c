using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Protocol;

/// <summary>
/// The stdio transport with two rules the SDK does not enforce: <c>initialize</c> comes first, and no message
/// is larger than the limit (<see cref="LineLimitedStream"/>). Each message is looked at in the order it was
/// read, before the SDK dispatches it, so the rules do not depend on how handlers interleave.
/// </summary>
public sealed class StdioGuardTransport : ITransport
{
    /// <summary>JSON-RPC "Invalid Request": both a request before initialize and a message too large to read are one.</summary>
    public const int InvalidRequest = -32600;

    private readonly ITransport _inner;
    private readonly string _oversizedMethod;
    private readonly int _maxMessageBytes;
    private readonly ILogger _logger;
    private readonly Channel<JsonRpcMessage> _messages = Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _pump;
    private bool _initialized;

    private StdioGuardTransport(ITransport inner, string oversizedMethod, int maxMessageBytes, ILogger logger)
    {
        _inner = inner;
        _oversizedMethod = oversizedMethod;
        _maxMessageBytes = maxMessageBytes;
        _logger = logger;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>The transport over this process's stdin and stdout.</summary>
    public static StdioGuardTransport Create(Stream input, Stream output, int maxMessageBytes, string serverName, ILoggerFactory loggerFactory)
    {
        // A dropped line becomes a message with this method; the random part keeps a client from sending one itself.
        var oversizedMethod = "kiro/oversized-message/" + Guid.NewGuid().ToString("N");
        var limited = new LineLimitedStream(input, maxMessageBytes, line => StandIn(line, oversizedMethod));
        var inner = new StreamServerTransport(limited, output, serverName, loggerFactory);
        return new StdioGuardTransport(inner, oversizedMethod, maxMessageBytes, loggerFactory.CreateLogger<StdioGuardTransport>());
    }

    public string? SessionId => _inner.SessionId;

    public ChannelReader<JsonRpcMessage> MessageReader => _messages.Reader;

    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default) =>
        _inner.SendMessageAsync(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync();
        await _pump;
    }

    private async Task PumpAsync()
    {
        Exception? error = null;
        try
        {
            await foreach (var message in _inner.MessageReader.ReadAllAsync())
            {
                if (!await RefuseAsync(message))
                {
                    await _messages.Writer.WriteAsync(message);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e;
        }
        finally
        {
            _messages.Writer.TryComplete(error);
        }
    }

    /// <summary>Answers a message that breaks a rule with an error and returns true; false lets it through.</summary>
    private async Task<bool> RefuseAsync(JsonRpcMessage message)
    {
        switch (message)
        {
            case JsonRpcRequest request when request.Method == _oversizedMethod:
                await SendErrorAsync(request.Id, TooLarge(request.Params));
                return true;
            case JsonRpcNotification notification when notification.Method == _oversizedMethod:
                // No id could be read from the dropped line: JSON-RPC answers such a request with id null.
                await SendErrorAsync(default, TooLarge(notification.Params));
                return true;
            case JsonRpcRequest { Method: RequestMethods.Initialize }:
                _initialized = true;
                return false;
            case JsonRpcRequest request when !_initialized && !MayPrecedeInitialize(request):
                _logger.LogWarning("Refused {Method} before initialize", request.Method);
                await SendErrorAsync(request.Id, $"Server not initialized: send 'initialize' before '{request.Method}'.");
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Ping is allowed at any time; a 2026-07-28 client never sends initialize, and instead declares its protocol
    /// version in every request's _meta (server/discover included), which the SDK then checks.
    /// </summary>
    private static bool MayPrecedeInitialize(JsonRpcRequest request) =>
        request.Method == RequestMethods.Ping
        || (request.Params is JsonObject parameters && parameters["_meta"] is JsonObject meta && meta.ContainsKey(MetaKeys.ProtocolVersion));

    private string TooLarge(JsonNode? parameters)
    {
        var length = parameters?["length"]?.GetValue<long>() ?? 0;
        _logger.LogWarning("Dropped a message of {Length} bytes on stdin; the limit is {Limit} bytes", length, _maxMessageBytes);
        return $"Message too large: {length} bytes, and the limit is {_maxMessageBytes} bytes (--max-message-bytes). It was not read.";
    }

    private Task SendErrorAsync(RequestId id, string text) =>
        _inner.SendMessageAsync(new JsonRpcError { Id = id, Error = new JsonRpcErrorDetail { Code = InvalidRequest, Message = text } });

    /// <summary>The line that stands in for a dropped one: a request with its id when one was found, else a notification.</summary>
    private static byte[] StandIn(OversizedLine line, string method)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            switch (line.FindId()?.Id)
            {
                case string text:
                    json.WriteString("id", text);
                    break;
                case long number:
                    json.WriteNumber("id", number);
                    break;
            }
            json.WriteString("method", method);
            json.WriteStartObject("params");
            json.WriteNumber("length", line.Length);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
