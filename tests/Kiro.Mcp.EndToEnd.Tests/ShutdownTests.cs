using System.Net;
using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// Stopping the HTTP server the way its supervisor does (docker stop, systemd, Ctrl+C): SIGTERM, then SIGKILL once a
/// grace period is over. Killed mid-way, a server can leave a write half done, so it must be gone within the period
/// whatever its clients hold open.
/// </summary>
public class ShutdownTests
{
    [Fact]
    public async Task SIGTERM_stops_the_server_within_dockers_grace_period_while_a_dashboard_page_and_a_client_listen()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/steering/product.md", "# Product\n");
        var (server, stderr, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
        try
        {
            // A client holding its session's listen stream, and a dashboard page holding its live-update stream.
            await using var client = await ServerConnection.ConnectHttpAsync(endpoint, "listener");
            Assert.NotEmpty(await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken));
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            using var page = await http.GetAsync(new Uri(endpoint, "/w/workspace/events"), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using var events = new StreamReader(await page.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
            Assert.Equal(": connected", await events.ReadLineAsync(TestContext.Current.CancellationToken));

            Processes.AssertStopsOnSigterm(server, stderr);

            // The page's stream ended rather than hanging: its EventSource reconnects once a server is back.
            var rest = await events.ReadToEndAsync(TestContext.Current.CancellationToken).WaitAsync(Processes.GracePeriod, TestContext.Current.CancellationToken);
            Assert.DoesNotContain("event:", rest);
        }
        finally
        {
            ServerConnection.Stop(server);
        }
    }

    [Fact]
    public async Task SIGTERM_ends_a_2026_clients_subscriptions_listen_stream_and_the_server_exits()
    {
        using var workspace = new TempWorkspace();
        var (server, stderr, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--stateless"]);
        try
        {
            // A 2026-07-28 client on stateless HTTP holds one request open for as long as it listens.
            await using var client = await McpClient.CreateAsync(
                new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }),
                new McpClientOptions { ClientInfo = new Implementation { Name = "new-client", Version = "1.0" }, DiscoverProbeTimeout = TimeSpan.FromSeconds(60), InitializationTimeout = TimeSpan.FromSeconds(60) },
                cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal("2026-07-28", client.NegotiatedProtocolVersion);
            var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var ack = client.RegisterNotificationHandler(NotificationMethods.SubscriptionsAcknowledgedNotification, (_, _) =>
            {
                acknowledged.TrySetResult();
                return ValueTask.CompletedTask;
            });
            var listen = client.SendRequestAsync(new JsonRpcRequest
            {
                Method = RequestMethods.SubscriptionsListen,
                Params = JsonSerializer.SerializeToNode(new { notifications = new { resourcesListChanged = true } }),
            }, TestContext.Current.CancellationToken);
            await acknowledged.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Processes.AssertStopsOnSigterm(server, stderr);

            // The listen request was answered: the client knows its subscription ended, and listens again later.
            Assert.NotNull(await listen.WaitAsync(Processes.GracePeriod, TestContext.Current.CancellationToken));
        }
        finally
        {
            ServerConnection.Stop(server);
        }
    }

    [Fact]
    public async Task SIGTERM_kills_the_command_of_a_hook_running_in_the_background_before_the_server_exits()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals and /proc");
        using var workspace = new TempWorkspace();
        var (server, stderr, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, [ServerConnection.Trust]);
        int? pid = null;
        try
        {
            await using (var assistant = await ServerConnection.AttachHttpAsync(endpoint, "assistant"))
            {
                await assistant.CallOkAsync("hook_create", new
                {
                    name = "Slow check",
                    trigger = "PostFileCreate",
                    matcher = "^notes\\.txt$",
                    actionType = "command",
                    command = "echo $$ > hook.pid; exec sleep 300",
                });
            }
            // A file hook runs in the background: no call waits for it.
            workspace.Write("notes.txt", "first\n");
            pid = await Processes.PidWrittenToAsync(workspace.PathOf("hook.pid"), "the hook's command to start");

            Processes.AssertStopsOnSigterm(server, stderr);

            Assert.False(Processes.IsRunning(pid.Value), "the hook's command outlived the server, orphaned");
        }
        finally
        {
            ServerConnection.Stop(server);
            if (pid is { } command)
            {
                Processes.KillIfRunning(command);
            }
        }
    }
}
