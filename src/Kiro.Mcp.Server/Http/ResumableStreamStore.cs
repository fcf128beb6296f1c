using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

#pragma warning disable MCP9006 // The event store is a stateful-only knob the SDK marks informational.

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// Where stateful HTTP keeps the events of its resumable streams: in memory, as the messages themselves, within a byte
/// budget. A client whose SSE connection drops reconnects with Last-Event-ID and receives what it missed.
/// </summary>
/// <remarks>
/// <para>The SDK's distributed-cache store serialized every event a second time (the response stream already does) and
/// wrote a stream's metadata three times per call, each a cache entry under a base64 key: about a tenth of the server's
/// CPU under <c>tools/bench/run.sh load</c>, with the memory cache's compaction scanning every entry when full. Here an
/// event is the message object the SDK already holds, counted by an estimate of its text (<see cref="SizeOf"/>), and the
/// oldest events go first when the budget is full, so under heavy load a client can resume only a recent stream, while an
/// ordinary session keeps minutes of it.</para>
/// <para>Event ids are this store's stream number and the event's sequence. Another session's id gets nothing: the SDK
/// answers a Last-Event-ID only when the reader's <see cref="ISseEventStreamReader.SessionId"/> is the caller's own.</para>
/// </remarks>
public sealed class ResumableStreamStore : ISseEventStreamStore
{
    /// <summary>
    /// About 500 tool results of the usual size: many minutes of one agent's history, under a second of 200 sessions
    /// calling as fast as they can. A client resumes a dropped stream within its retry interval (under a second), and
    /// what it needs is what was sent since.
    /// </summary>
    public const long DefaultBudget = 4L * 1024 * 1024;

    // An event's own objects (the entry, the SSE item, the queue slots) beside its data.
    internal const int EventOverhead = 256;

    private readonly Lock _lock = new();
    private readonly Dictionary<long, Stream> _streams = [];
    private readonly Queue<(Stream Stream, long Sequence)> _oldestFirst = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextStream;
    private long _used;

    public ResumableStreamStore(long budget = DefaultBudget) => Budget = budget;

    public long Budget { get; }

    /// <summary>
    /// Ends every reader that waits for more events, once it has sent what is held: the server is stopping, and the host
    /// waits for open requests (30 s by default), so a resumed stream that caught up would hold the stop that long.
    /// Writers go on, so a call that ends while the server stops still answers on its own response.
    /// </summary>
    public void EndReaders() => _stopped.TrySetResult();

    /// <summary>What the events held now count against the budget.</summary>
    public long Used
    {
        get
        {
            lock (_lock)
            {
                return _used;
            }
        }
    }

    /// <summary>Tests only: the streams known now.</summary>
    internal int StreamCount
    {
        get
        {
            lock (_lock)
            {
                return _streams.Count;
            }
        }
    }

    public ValueTask<ISseEventStreamWriter> CreateStreamAsync(SseEventStreamOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (_lock)
        {
            var stream = new Stream(this, ++_nextStream, options.SessionId, options.StreamId, options.Mode);
            _streams[stream.Number] = stream;
            return new ValueTask<ISseEventStreamWriter>(stream);
        }
    }

    public ValueTask<ISseEventStreamReader?> GetStreamReaderAsync(string lastEventId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lastEventId);
        if (!TryParse(lastEventId, out var number, out var sequence))
        {
            return new ValueTask<ISseEventStreamReader?>((ISseEventStreamReader?)null);
        }
        lock (_lock)
        {
            return new ValueTask<ISseEventStreamReader?>(_streams.TryGetValue(number, out var stream) ? new Reader(stream, sequence + 1) : null);
        }
    }

    /// <summary>
    /// What an event counts: its text, two bytes a character as it is held (strings) or one (JSON elements), and its
    /// bookkeeping. An estimate from a walk of the message's nodes, much cheaper than serializing it again.
    /// </summary>
    public static long SizeOf(JsonRpcMessage? message) => EventOverhead + message switch
    {
        null => 0,
        JsonRpcResponse { Result: JsonObject result } when ToolText(result) is { } text => 4 * text,
        JsonRpcResponse response => SizeOfNode(response.Result),
        JsonRpcNotification notification => 64 + (2L * notification.Method.Length) + SizeOfNode(notification.Params),
        JsonRpcRequest request => 64 + (2L * request.Method.Length) + SizeOfNode(request.Params),
        JsonRpcError error => 64 + (2L * (error.Error.Message?.Length ?? 0)) + SizeOfNode(error.Error.Data as JsonNode),
        _ => 1024,
    };

    /// <summary>
    /// The UTF-8 length of a tool result's text blocks, or null when the result has none. A tool's structured content is
    /// that same text as JSON, so the text alone tells the size (held once as the text, once in the result's JSON): a
    /// walk of the structured content would build a node for each of its values, which cost more than serializing it.
    /// </summary>
    private static long? ToolText(JsonObject result)
    {
        if (!result.TryGetPropertyValue("content", out var content) || content is not JsonArray blocks)
        {
            return null;
        }
        var length = 0L;
        foreach (var block in blocks)
        {
            if (block is JsonObject fields && fields.TryGetPropertyValue("text", out var text) && text is JsonValue value)
            {
                length += value.TryGetValue<JsonElement>(out var element) ? JsonMarshal.GetRawUtf8Value(element).Length
                    : value.TryGetValue<string>(out var s) ? 2L * s.Length
                    : 0;
            }
            else
            {
                length += SizeOfNode(block);
            }
        }
        return length;
    }

    private static long SizeOfNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return 8;
            case JsonObject members:
                var inObject = 32L;
                foreach (var (name, member) in members)
                {
                    inObject += 16 + (2L * name.Length) + SizeOfNode(member);
                }
                return inObject;
            case JsonArray items:
                var inArray = 32L;
                foreach (var item in items)
                {
                    inArray += 8 + SizeOfNode(item);
                }
                return inArray;
            default:
                var scalar = node.AsValue();
                if (scalar.TryGetValue<string>(out var text))
                {
                    return 24 + (2L * text.Length);
                }
                return scalar.TryGetValue<JsonElement>(out var element) ? 24 + JsonMarshal.GetRawUtf8Value(element).Length : 24;
        }
    }

    private static string EventId(long number, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{number}-{sequence}");

    private static bool TryParse(string eventId, out long number, out long sequence)
    {
        number = sequence = 0;
        var dash = eventId.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && long.TryParse(eventId.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && long.TryParse(eventId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    private void Add(Stream stream, long sequence, SseItem<JsonRpcMessage?> item, long size)
    {
        lock (_lock)
        {
            stream.Events.Enqueue((sequence, item, size));
            stream.LastSequence = sequence;
            _oldestFirst.Enqueue((stream, sequence));
            _used += size;
            while (_used > Budget && _oldestFirst.TryDequeue(out var oldest))
            {
                // The global queue and each stream's queue are both in the order written, so the oldest event of the
                // store is the first of its stream.
                if (oldest.Stream.Events.TryPeek(out var first) && first.Sequence == oldest.Sequence)
                {
                    oldest.Stream.Events.Dequeue();
                    _used -= first.Size;
                }
                ForgetIfDone(oldest.Stream);
            }
            stream.Signal();
        }
    }

    private void Complete(Stream stream)
    {
        lock (_lock)
        {
            stream.Completed = true;
            ForgetIfDone(stream);
            stream.Signal();
        }
    }

    private void ForgetIfDone(Stream stream)
    {
        if (stream.Completed && stream.Events.Count == 0)
        {
            _streams.Remove(stream.Number);
        }
    }

    /// <summary>One stream's events and state; writes and reads go through the store's lock.</summary>
    private sealed class Stream(ResumableStreamStore store, long number, string sessionId, string streamId, SseEventStreamMode mode) : ISseEventStreamWriter
    {
        private long _sequence;
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Number { get; } = number;

        /// <summary>The store's lock, which guards every stream's events and state.</summary>
        public Lock StoreLock => store._lock;

        /// <summary>Completed when the server stops (<see cref="EndReaders"/>).</summary>
        public Task StoreStopped => store._stopped.Task;

        public string SessionId { get; } = sessionId;

        public string StreamId { get; } = streamId;

        public SseEventStreamMode Mode { get; set; } = mode;

        public bool Completed { get; set; }

        public long LastSequence { get; set; }

        public Queue<(long Sequence, SseItem<JsonRpcMessage?> Item, long Size)> Events { get; } = new();

        /// <summary>Completed when anything changes (an event, the mode, the end); a reader waits on it when caught up.</summary>
        public Task Changed => _changed.Task;

        public void Signal() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public ValueTask SetModeAsync(SseEventStreamMode mode, CancellationToken cancellationToken = default)
        {
            lock (store._lock)
            {
                Mode = mode;
                Signal();
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask<SseItem<JsonRpcMessage?>> WriteEventAsync(SseItem<JsonRpcMessage?> sseItem, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(Completed, this);
            if (sseItem.EventId is not null)
            {
                return new ValueTask<SseItem<JsonRpcMessage?>>(sseItem);
            }
            var sequence = Interlocked.Increment(ref _sequence);
            var item = sseItem with { EventId = EventId(Number, sequence) };
            store.Add(this, sequence, item, SizeOf(item.Data));
            return new ValueTask<SseItem<JsonRpcMessage?>>(item);
        }

        public ValueTask DisposeAsync()
        {
            store.Complete(this);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Replays a stream from a sequence on: what is held, then (unless polling) what comes, until the stream ends.</summary>
    private sealed class Reader(Stream stream, long from) : ISseEventStreamReader
    {
        public string SessionId => stream.SessionId;

        public string StreamId => stream.StreamId;

        public async IAsyncEnumerable<SseItem<JsonRpcMessage?>> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var next = from;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (items, done, changed) = Snapshot(next);
                foreach (var item in items)
                {
                    yield return item;
                }
                next += items.Count;
                if (done || stream.StoreStopped.IsCompleted)
                {
                    yield break;
                }
                await Task.WhenAny(changed, stream.StoreStopped).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        private (List<SseItem<JsonRpcMessage?>> Items, bool Done, Task Changed) Snapshot(long next)
        {
            lock (stream.StoreLock)
            {
                if (stream.Events.TryPeek(out var oldest) ? oldest.Sequence > next : stream.LastSequence >= next)
                {
                    // What the client missed is gone (the budget was full): it must start over, as with an unknown id.
                    throw new McpException("The events after this Last-Event-ID are no longer held. Send the request again.");
                }
                var items = stream.Events.Where(e => e.Sequence >= next).Select(e => e.Item).ToList();
                var caughtUp = stream.LastSequence < next + items.Count;
                return (items, caughtUp && (stream.Completed || stream.Mode == SseEventStreamMode.Polling), stream.Changed);
            }
        }
    }
}
