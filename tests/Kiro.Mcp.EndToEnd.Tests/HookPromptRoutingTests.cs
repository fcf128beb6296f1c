using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// Agent-hook prompts belong to sessions: two users (alice with two sessions, bob with one) on one
/// HTTP server with tokens, real clients. Each test waits until the prompt is pending for its owner,
/// then lets the others call first: before sessions owned their prompts, the first caller took it.
/// </summary>
public sealed class HookPromptRoutingTests : IAsyncDisposable
{
    // Long secrets: a short one may be refused off loopback, and these are what a real deployment uses.
    private const string AliceSecret = "alice-0123456789abcdef0123456789abcdef";
    private const string BobSecret = "bob-0123456789abcdef0123456789abcdef012";

    private readonly TempWorkspace _workspace = new();
    private readonly List<McpClient> _clients = [];
    private System.Diagnostics.Process? _server;

    [Fact]
    public async Task A_file_written_by_alice_reaches_only_the_alice_session_that_wrote_it()
    {
        WriteAgentHook("Review specs", "PostFileCreate", @"^\.kiro/specs/", "Review the spec that was just saved.");
        var (alice, otherAlice, bob) = await ConnectAsync();

        // alice's tool call creates the spec's files: the write is hers, made by this session.
        await CallAsync(alice, "spec_create", new { name = "alpha", quick = true });
        await WaitForPendingAsync(alice);

        Assert.Empty(Notices(await CallAsync(bob, "spec_list", new { })));
        Assert.Empty((await CallAsync(bob, "hook_pending", new { })).StructuredContent!.Value.GetProperty("prompts").EnumerateArray());
        Assert.Equal(0, await PendingCountAsync(bob));
        Assert.Empty(Notices(await CallAsync(otherAlice, "spec_list", new { })));
        var notices = Notices(await CallAsync(alice, "spec_list", new { }));
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Contains("Review the spec that was just saved.", n));
        Assert.Empty(Notices(await CallAsync(alice, "spec_list", new { })));
    }

    [Fact]
    public async Task A_task_completion_prompt_goes_to_the_session_that_completed_the_task_while_others_keep_calling()
    {
        WriteAgentHook("Review the task", "PostTaskExec", null, "Review what the finished task changed.");
        var (alice, otherAlice, bob) = await ConnectAsync();
        await CallAsync(bob, "spec_create", new { name = "gate", quick = true });
        await CallAsync(bob, "spec_write", new { spec = "gate", document = "requirements", content = WorkoutSpec.Requirements });
        await CallAsync(bob, "spec_write", new { spec = "gate", document = "design", content = WorkoutSpec.Design });
        await CallAsync(bob, "spec_write", new { spec = "gate", document = "tasks", content = "# Implementation Plan\n\n- [ ] 1. Store workouts\n  - _Requirements: 1.1_\n" });
        await CallAsync(otherAlice, "task_start", new { spec = "gate", taskId = "1" });

        // bob and alice's other session keep calling while the prompt is fired in the background.
        using var stop = new CancellationTokenSource();
        var others = new List<string>();
        var busy = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                others.AddRange(Notices(await CallAsync(bob, "spec_list", new { })));
                others.AddRange(Notices(await CallAsync(alice, "spec_list", new { })));
            }
        });
        var mine = Notices(await CallAsync(otherAlice, "task_complete", new { spec = "gate", taskId = "1", verify = false }));
        for (var i = 0; i < 100 && mine.Count == 0; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            mine.AddRange(Notices(await CallAsync(otherAlice, "spec_list", new { })));
        }
        await stop.CancelAsync();
        await busy;

        Assert.Empty(others);
        Assert.Contains(mine, n => n.Contains("Review what the finished task changed.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_editor_save_goes_to_exactly_one_session_the_most_recently_active_one()
    {
        WriteAgentHook("Docs review", "PostFileSave", @"^docs/", "Check the edited guide.");
        _workspace.Write("docs/guide.md", "# Guide\n");
        var (alice, otherAlice, bob) = await ConnectAsync();
        await CallAsync(bob, "spec_list", new { });
        await CallAsync(alice, "spec_list", new { });

        // No tool wrote this: the server cannot know who did, so it picks the session seen last.
        _workspace.Write("docs/guide.md", "# Guide\n\nEdited.\n");
        await WaitForPendingAsync(alice);

        Assert.Empty(Notices(await CallAsync(bob, "spec_list", new { })));
        Assert.Empty(Notices(await CallAsync(otherAlice, "spec_list", new { })));
        Assert.Contains(Notices(await CallAsync(alice, "spec_list", new { })), n => n.Contains("Check the edited guide.", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
        if (_server is not null)
        {
            ServerConnection.Stop(_server);
        }
        _workspace.Dispose();
    }

    private void WriteAgentHook(string name, string trigger, string? matcher, string prompt) =>
        _workspace.Write($".kiro/hooks/{name.Replace(' ', '-').ToLowerInvariant()}.json", JsonSerializer.Serialize(new
        {
            version = "v1",
            hooks = new[] { new { name, trigger, matcher, action = new { type = "agent", prompt } } },
        }));

    private async Task<(McpClient Alice, McpClient OtherAlice, McpClient Bob)> ConnectAsync()
    {
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(_workspace.Root, ["--token", $"alice={AliceSecret}", "--token", $"bob={BobSecret}"]);
        _server = process;
        return (await ClientAsync(endpoint, AliceSecret, "alice-1"), await ClientAsync(endpoint, AliceSecret, "alice-2"), await ClientAsync(endpoint, BobSecret, "bob"));
    }

    private async Task<McpClient> ClientAsync(Uri endpoint, string secret, string name)
    {
        var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {secret}" },
        }), ServerConnection.DesktopClient(name));
        _clients.Add(client);
        return client;
    }

    private static async Task<CallToolResult> CallAsync(McpClient client, string tool, object arguments)
    {
        var result = await client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!);
        Assert.False(result.IsError == true, $"{tool}: {ServerConnection.Text(result)}");
        return result;
    }

    private static async Task<int> PendingCountAsync(McpClient client)
    {
        var read = await client.ReadResourceAsync("kiro://workspace/hooks/pending");
        var text = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text;
        return JsonDocument.Parse(text).RootElement.GetProperty("prompts").GetArrayLength();
    }

    private static Task WaitForPendingAsync(McpClient client) =>
        Poll.UntilAsync(async () => await PendingCountAsync(client) > 0, "an agent hook prompt to be pending");

    private static List<string> Notices(CallToolResult result) =>
        result.Content.OfType<TextContentBlock>().Select(t => t.Text).Where(t => t.StartsWith("[hook]", StringComparison.Ordinal)).ToList();
}
