using System.Text;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// Resumable HTTP streams (SEP-1699): a response stream that ends early is resumed with Last-Event-ID,
/// and nothing sent meanwhile is lost. Driven with raw HTTP, as the conformance suite's server-sse-polling
/// scenario does, but with a protocol header that matches the session (see host.expected-failures.yml).
/// The conformance host's test_reconnection tool ends its stream mid-call; everything else is our pipeline.
/// </summary>
public class ResumableStreamTests
{
    private const string Version = "2025-11-25";

    [Fact]
    public async Task A_stream_closed_mid_call_sends_a_retry_hint_and_the_result_arrives_after_reconnecting()
    {
        using var workspace = new TempWorkspace();
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, [], ServerBinary.ConformanceHostPath);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var initialize = await http.SendAsync(Post(endpoint, null, """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"""));
            var session = initialize.Headers.GetValues("Mcp-Session-Id").Single();
            Assert.Contains("event: prime", await initialize.Content.ReadAsStringAsync());
            await http.SendAsync(Post(endpoint, session, """{"jsonrpc":"2.0","method":"notifications/initialized"}"""));

            var call = await (await http.SendAsync(Post(endpoint, session, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_reconnection","arguments":{}}}"""))).Content.ReadAsStringAsync();
            Assert.Contains("retry: 500", call);
            Assert.DoesNotContain("Reconnection test completed", call);
            var lastEventId = call.Split('\n').Last(l => l.StartsWith("id: ", StringComparison.Ordinal))["id: ".Length..].Trim();

            // A polling client waits the retry interval, then reconnects with the last id it saw, until the
            // result arrives; each reconnection may find nothing new yet while the tool is still running.
            var received = new StringBuilder();
            for (var attempt = 0; attempt < 40 && !received.ToString().Contains("Reconnection test completed", StringComparison.Ordinal); attempt++)
            {
                await Task.Delay(500);
                using var resume = new HttpRequestMessage(HttpMethod.Get, endpoint);
                resume.Headers.Add("Accept", "text/event-stream");
                resume.Headers.Add("Mcp-Session-Id", session);
                resume.Headers.Add("MCP-Protocol-Version", Version);
                resume.Headers.Add("Last-Event-ID", lastEventId);
                using var response = await http.SendAsync(resume);
                var text = await response.Content.ReadAsStringAsync();
                received.Append($"[{(int)response.StatusCode}] ").AppendLine(text);
                lastEventId = text.Split('\n').LastOrDefault(l => l.StartsWith("id: ", StringComparison.Ordinal))?["id: ".Length..].Trim() ?? lastEventId;
            }
            var result = received.ToString();
            Assert.True(result.Contains("Reconnection test completed", StringComparison.Ordinal), "The resumed stream never brought the tool's result:\n" + result);
            Assert.Contains("\"id\":1", result);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Fact]
    public async Task A_resumed_stream_that_caught_up_ends_when_the_server_stops()
    {
        using var workspace = new TempWorkspace();
        var (process, stderr, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
        try
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var initialize = await http.SendAsync(Post(endpoint, null, """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"""), TestContext.Current.CancellationToken);
            var session = initialize.Headers.GetValues("Mcp-Session-Id").Single();
            await http.SendAsync(Post(endpoint, session, """{"jsonrpc":"2.0","method":"notifications/initialized"}"""), TestContext.Current.CancellationToken);
            // A session that used the workspace hears when its list of resources changes.
            var listed = await http.SendAsync(Post(endpoint, session, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"spec_list","arguments":{}}}"""), TestContext.Current.CancellationToken);
            Assert.Contains("\"id\":1", await listed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            // The session's own stream: its first event gives an id, and then the connection drops.
            string lastEventId;
            using (var listen = await http.SendAsync(Get(endpoint, session, null), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken))
            {
                using var lines = new StreamReader(await listen.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
                string? line;
                while ((line = await lines.ReadLineAsync(TestContext.Current.CancellationToken)) is not null && !line.StartsWith("id: ", StringComparison.Ordinal))
                {
                }
                lastEventId = line!["id: ".Length..].Trim();
            }
            // Resumed, the stream has nothing to replay, so its headers come with the next event: a new spec's (held
            // for the stream, so it reaches the resumed reader whichever arrives first).
            var resuming = http.SendAsync(Get(endpoint, session, lastEventId), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            workspace.Write(".kiro/specs/extra/requirements.md", "# Requirements Document\n");
            using var resumed = await resuming.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, resumed.StatusCode);
            using var events = new StreamReader(await resumed.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
            Assert.StartsWith("event: ", await events.ReadLineAsync(TestContext.Current.CancellationToken));

            // The resumed stream has nothing more to send and waits: the host used to wait 30 s for it.
            Processes.AssertStopsOnSigterm(process, stderr);

        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    private static HttpRequestMessage Get(Uri endpoint, string session, string? lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Add("Accept", "text/event-stream");
        request.Headers.Add("Mcp-Session-Id", session);
        request.Headers.Add("MCP-Protocol-Version", Version);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        return request;
    }

    private static HttpRequestMessage Post(Uri endpoint, string? session, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Accept", "application/json, text/event-stream");
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
            request.Headers.Add("MCP-Protocol-Version", Version);
        }
        return request;
    }
}
