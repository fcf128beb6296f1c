using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using Kiro.Mcp.Server.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

#pragma warning disable MCP9006 // The event store is a stateful-only knob the SDK marks informational.

namespace Kiro.Mcp.Server.Tests.Http;

/// <summary>
/// The resumable streams' event store: a reconnecting client gets what it missed of its own stream, and the store stays
/// within its byte budget however many calls a server answers.
/// </summary>
public class ResumableStreamStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task What_many_calls_leave_behind_stays_within_the_budget_and_finished_streams_are_forgotten()
    {
        var store = new ResumableStreamStore(budget: 1024 * 1024);
        // What 3,000 calls leave: per call a stream with a priming event and a result of 7,000 characters.
        for (var call = 0; call < 3_000; call++)
        {
            await using var writer = await store.CreateStreamAsync(Options("session", call.ToString(System.Globalization.CultureInfo.InvariantCulture)), Ct);
            await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(null, "prime"), Ct);
            await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(call % 2 == 0 ? Result(new string('x', 7_000)) : ToolResult(new string('x', 7_000))), Ct);
            Assert.InRange(store.Used, 1, store.Budget);
        }

        // 7,000 characters are 14,000 bytes as held: about 70 results fit in a megabyte, and only their streams are kept.
        Assert.InRange(store.StreamCount, 1, 100);
    }

    [Fact]
    public async Task A_reader_gets_the_events_after_the_last_id_seen_and_the_session_they_belong_to()
    {
        var store = new ResumableStreamStore();
        var writer = await store.CreateStreamAsync(Options("session-a", "7"), Ct);
        var prime = await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(null, "prime"), Ct);
        await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(Result("one")), Ct);
        await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(Result("two")), Ct);
        await writer.DisposeAsync();

        var reader = await store.GetStreamReaderAsync(prime.EventId!, Ct);
        var texts = new List<string>();
        await foreach (var item in reader!.ReadEventsAsync(Ct))
        {
            texts.Add(((JsonRpcResponse)item.Data!).Result!["text"]!.GetValue<string>());
        }

        Assert.Equal(("session-a", "7"), (reader.SessionId, reader.StreamId));
        Assert.Equal(["one", "two"], texts);
    }

    [Fact]
    public async Task A_streaming_reader_waits_for_what_comes_and_ends_with_the_stream()
    {
        var store = new ResumableStreamStore();
        var writer = await store.CreateStreamAsync(Options("session", "1"), Ct);
        var prime = await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(null, "prime"), Ct);
        var reader = await store.GetStreamReaderAsync(prime.EventId!, Ct);

        var reading = Task.Run(async () =>
        {
            var count = 0;
            await foreach (var _ in reader!.ReadEventsAsync(Ct))
            {
                count++;
            }
            return count;
        }, Ct);
        await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(Result("late")), Ct);
        await writer.DisposeAsync();

        Assert.Equal(1, await reading.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task A_caught_up_reader_ends_when_the_server_stops_and_the_stream_still_takes_the_calls_answer()
    {
        var store = new ResumableStreamStore();
        var writer = await store.CreateStreamAsync(Options("session", "1"), Ct);
        var prime = await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(null, "prime"), Ct);
        await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(Result("held")), Ct);
        var reader = await store.GetStreamReaderAsync(prime.EventId!, Ct);
        var texts = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var item in reader!.ReadEventsAsync(Ct))
            {
                texts.Add(((JsonRpcResponse)item.Data!).Result!["text"]!.GetValue<string>());
            }
        }, Ct);
        await Task.Delay(100, Ct); // the reader sends what is held, then waits for more

        store.EndReaders();

        // The host waits for this request when it stops: it must end, not wait for the stream's end.
        await reading.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(["held"], texts);
        await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(Result("stopped")), Ct);
        await writer.DisposeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-id")]
    [InlineData("99-1")]
    [InlineData("1-")]
    [InlineData("-1-1")]
    public async Task An_id_this_store_never_gave_finds_no_stream(string lastEventId)
    {
        var store = new ResumableStreamStore();
        await using var writer = await store.CreateStreamAsync(Options("session", "1"), Ct);
        await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(null, "prime"), Ct);

        Assert.Null(await store.GetStreamReaderAsync(lastEventId, Ct));
    }

    [Fact]
    public async Task Resuming_past_events_the_budget_dropped_fails_instead_of_skipping_them()
    {
        var store = new ResumableStreamStore(budget: 4 * 1024);
        var writer = await store.CreateStreamAsync(Options("session", "1"), Ct);
        var prime = await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(null, "prime"), Ct);
        for (var i = 0; i < 10; i++)
        {
            await writer.WriteEventAsync(new SseItem<JsonRpcMessage?>(Result(new string('x', 1_000))), Ct);
        }

        var reader = await store.GetStreamReaderAsync(prime.EventId!, Ct);

        await Assert.ThrowsAsync<McpException>(async () =>
        {
            await foreach (var _ in reader!.ReadEventsAsync(Ct))
            {
            }
        });
    }

    private static SseEventStreamOptions Options(string session, string stream) => new() { SessionId = session, StreamId = stream };

    // What tools/call answers: the text, and the same as structured content.
    private static JsonRpcResponse ToolResult(string text) => new()
    {
        Id = new RequestId(1),
        // Parsed, as the SDK's result is: its values are read from the JSON on demand.
        Result = JsonNode.Parse(new JsonObject
        {
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["value"] = text }.ToJsonString() }),
            ["structuredContent"] = new JsonObject { ["value"] = text },
        }.ToJsonString()),
    };

    private static JsonRpcResponse Result(string text) => new() { Id = new RequestId(1), Result = new JsonObject { ["text"] = text } };
}
