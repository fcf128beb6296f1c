using System.Diagnostics;
using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// Roles per workspace over HTTP with real static tokens (the server's own bearer check, no mock): each
/// user's role comes from the --config file, a call beyond it is refused with the role it needs, and
/// tools/list and prompts/list show only what the caller may use. Without authentication nothing changes.
/// </summary>
public class RoleTests
{
    private const string ReaderSecret = "rita-Zq3vT8pL1xR6cN0b";
    private const string WriterSecret = "wendy-W4yH7kM2sD9fJ5aG";
    private const string AdminSecret = "adam-Kx8Qe2Lr5Tn9Vb3Mw";
    private const string NobodySecret = "nora-Pj6Hd4Gs1Fz7Cy0Xu";

    private static readonly string[] WriteTools = ["spec_create", "spec_write", "spec_approve", "steering_write", "task_start", "task_complete", "task_set_status", "hook_create", "hook_run", "steering_generate"];

    /// <summary>The workspace folder is named "workspace"; rita reads, wendy writes, adam administers, nora is not named.</summary>
    private const string Policy = """
        {
          "workspaces": {
            "workspace": {
              "roles": { "user:rita": "reader", "user:wendy": "writer", "user:adam": "admin" }
            }
          }
        }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_reader_can_read_but_not_write_and_does_not_see_write_tools(bool stateless)
    {
        using var workspace = new TempWorkspace();
        // Stateless HTTP builds the server's options for every request: the lists must still be the caller's.
        await using var server = await TeamServer.StartAsync(workspace, Policy, stateless ? ["--stateless"] : null);
        await using var wendy = await server.ConnectAsync(WriterSecret);
        await using var rita = await server.ConnectAsync(ReaderSecret);
        await Ok(wendy, "spec_create", new { name = "login" });

        var tools = (await rita.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.Contains("spec_list", tools);
        Assert.Contains("spec_read", tools);
        Assert.All(WriteTools, t => Assert.DoesNotContain(t, tools));
        await Ok(rita, "spec_list", new { });
        await Ok(rita, "spec_read", new { spec = "login", document = "requirements" });
        var resource = await rita.ReadResourceAsync("kiro://workspace/specs/login/requirements");
        Assert.NotEmpty(resource.Contents);
        Assert.Contains("kiro://workspace/specs", (await rita.ListResourcesAsync()).Select(r => r.Uri));

        var refused = await Error(rita, "spec_create", new { name = "signup" });
        Assert.Equal("[role_required] spec_create needs the writer role in workspace 'workspace'; you (rita) have reader.", refused);
        Assert.False(Directory.Exists(workspace.PathOf(".kiro/specs/signup")));
    }

    [Fact]
    public async Task A_workspace_a_user_may_not_read_is_neither_listed_nor_listened_to()
    {
        using var workspace = new TempWorkspace();
        var other = Path.Combine(workspace.Parent, "other");
        Directory.CreateDirectory(other);
        const string policy = """
            { "workspaces": {
                "workspace": { "roles": { "user:rita": "reader" } },
                "other": { "roles": { "user:adam": "admin" } } } }
            """;
        await using var server = await TeamServer.StartAsync(workspace, policy, ["--workspace", "other=" + other, "--stateless"]);
        // A 2026-07-28 client on stateless HTTP: it subscribes with subscriptions/listen.
        await using var rita = await server.ConnectAsync(ReaderSecret, options: new McpClientOptions
        {
            ClientInfo = new ModelContextProtocol.Protocol.Implementation { Name = "new-client", Version = "1.0" },
            DiscoverProbeTimeout = TimeSpan.FromSeconds(60),
            InitializationTimeout = TimeSpan.FromSeconds(60),
        });

        var listed = JsonSerializer.SerializeToElement((await rita.CallToolAsync("workspace_list", new Dictionary<string, object?>())).StructuredContent);
        Assert.Equal(["workspace"], listed.GetProperty("workspaces").EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        var listen = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => rita.SendRequestAsync(new ModelContextProtocol.Protocol.JsonRpcRequest
        {
            Method = ModelContextProtocol.Protocol.RequestMethods.SubscriptionsListen,
            Params = JsonSerializer.SerializeToNode(new { notifications = new { resourceSubscriptions = new[] { "kiro://other/specs" } } }),
        }, TestContext.Current.CancellationToken));
        Assert.Contains("needs the reader role", listen.Message);
    }

    /// <summary>
    /// A writer may write tasks.md, and a task's _Verify: line is a shell command that task_complete runs in a
    /// trusted workspace: on a team server that would let anyone who may write run code on the server.
    /// </summary>
    [Fact]
    public async Task On_a_team_server_a_writer_cannot_run_a_command_by_writing_it_into_tasks_md()
    {
        using var workspace = new TempWorkspace();
        await using var server = await TeamServer.StartAsync(workspace, Policy, [ServerConnection.Trust]);
        await using var wendy = await server.ConnectAsync(WriterSecret);
        await Ok(wendy, "spec_create", new { name = "quick", quick = true });
        await Ok(wendy, "spec_write", new { spec = "quick", document = "requirements", content = WorkoutSpec.Requirements });
        await Ok(wendy, "spec_write", new { spec = "quick", document = "tasks", content = "# Implementation Plan\n\n- [ ] 1. Log a workout\n  - _Verify: touch pwned.txt_\n  - _Requirements: 1.1_\n" });
        await Ok(wendy, "task_start", new { spec = "quick", taskId = "1" });

        var refused = await Error(wendy, "task_complete", new { spec = "quick", taskId = "1" });

        Assert.StartsWith("[verify_not_signed_off]", refused);
        Assert.False(File.Exists(workspace.PathOf("pwned.txt")));
        // The way out the message names: done without the check, when the user agrees.
        await Ok(wendy, "task_complete", new { spec = "quick", taskId = "1", verify = false });
        Assert.False(File.Exists(workspace.PathOf("pwned.txt")));
    }

    [Fact]
    public async Task A_writer_can_write_but_not_approve_and_the_error_names_the_approver_role()
    {
        using var workspace = new TempWorkspace();
        await using var server = await TeamServer.StartAsync(workspace, Policy);
        await using var wendy = await server.ConnectAsync(WriterSecret);

        await Ok(wendy, "spec_create", new { name = "login" });
        var tools = (await wendy.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.Contains("spec_write", tools);
        Assert.DoesNotContain("spec_approve", tools);
        Assert.DoesNotContain("hook_create", tools);

        var refused = await Error(wendy, "spec_approve", new { spec = "login", document = "requirements" });
        Assert.Equal("[role_required] spec_approve needs the approver role in workspace 'workspace'; you (wendy) have writer.", refused);
        var hook = await Error(wendy, "hook_create", new { name = "x", trigger = "Manual", actionType = "command", command = "true" });
        Assert.Contains("needs the admin role", hook);
        Assert.False(Directory.Exists(workspace.PathOf(".kiro/hooks")));
    }

    [Fact]
    public async Task An_admin_sees_every_tool_and_can_create_hooks()
    {
        using var workspace = new TempWorkspace();
        await using var server = await TeamServer.StartAsync(workspace, Policy);
        await using var adam = await server.ConnectAsync(AdminSecret);

        var tools = (await adam.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.All(WriteTools, t => Assert.Contains(t, tools));
        await Ok(adam, "hook_create", new { name = "Notes", trigger = "Manual", actionType = "agent", prompt = "Review the notes." });
        Assert.NotEmpty(Directory.GetFiles(workspace.PathOf(".kiro/hooks")));
    }

    [Fact]
    public async Task A_user_without_a_role_sees_no_tools_or_prompts_and_is_refused()
    {
        using var workspace = new TempWorkspace();
        await using var server = await TeamServer.StartAsync(workspace, Policy);
        await using var wendy = await server.ConnectAsync(WriterSecret);
        await using var nora = await server.ConnectAsync(NobodySecret);
        await Ok(wendy, "spec_create", new { name = "login" });

        Assert.Empty(await nora.ListToolsAsync());
        Assert.DoesNotContain((await nora.ListResourcesAsync()).Select(r => r.Uri), u => u.StartsWith("kiro://workspace/", StringComparison.Ordinal));
        Assert.Empty(await nora.ListPromptsAsync());
        var refused = await Error(nora, "spec_list", new { });
        Assert.Equal("[role_required] spec_list needs the reader role in workspace 'workspace'; you (nora) have no role there.", refused);
        await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => nora.GetPromptAsync("spec_workflow", new Dictionary<string, object?> { ["description"] = "x" }).AsTask());
        await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => nora.ReadResourceAsync("kiro://workspace/specs").AsTask());
    }

    [Fact]
    public async Task Each_endpoint_lists_the_tools_of_its_workspace_and_the_shared_one_checks_the_named_workspace()
    {
        using var workspace = new TempWorkspace();
        var other = Path.Combine(workspace.Parent, "other");
        Directory.CreateDirectory(Path.Combine(other, ".kiro"));
        // rita reads 'workspace' and writes 'other'.
        await using var server = await TeamServer.StartAsync(workspace, """
            { "workspaces": {
                "workspace": { "defaultRole": "reader" },
                "other": { "defaultRole": "reader", "roles": { "user:rita": "writer" } } } }
            """, ["--workspace", other]);

        await using (var pinned = await server.ConnectAsync(ReaderSecret, "/workspace"))
        {
            Assert.DoesNotContain("spec_create", (await pinned.ListToolsAsync()).Select(t => t.Name));
        }
        await using (var pinned = await server.ConnectAsync(ReaderSecret, "/other"))
        {
            Assert.Contains("spec_create", (await pinned.ListToolsAsync()).Select(t => t.Name));
        }
        await using var shared = await server.ConnectAsync(ReaderSecret);
        Assert.Contains("spec_create", (await shared.ListToolsAsync()).Select(t => t.Name));
        await Ok(shared, "spec_create", new { name = "there", workspace = "other" });
        var refused = await Error(shared, "spec_create", new { name = "here", workspace = "workspace" });
        Assert.Contains("needs the writer role in workspace 'workspace'", refused);
    }

    [Theory]
    [InlineData(Transport.Stdio)]
    [InlineData(Transport.Http)]
    public async Task Stdio_and_loopback_without_authentication_keep_every_tool_whatever_the_policy(Transport transport)
    {
        using var workspace = new TempWorkspace();
        var config = Path.Combine(workspace.Parent, "team.json");
        await File.WriteAllTextAsync(config, """{ "workspaces": { "*": { "defaultRole": "reader" } } }""");
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root, extraArgs: ["--config", config]);

        var tools = (await server.Client.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.All(WriteTools, t => Assert.Contains(t, tools));
        Assert.NotEmpty(await server.Client.ListPromptsAsync());
        await server.CallOkAsync("spec_create", new { name = "local" });
        await server.CallOkAsync("hook_create", new { name = "Notes", trigger = "Manual", actionType = "agent", prompt = "Review the notes." });
    }

    private static async Task Ok(McpClient client, string tool, object arguments)
    {
        var result = await client.CallToolAsync(tool, Arguments(arguments));
        Assert.False(result.IsError == true, $"{tool} failed: {ServerConnection.Text(result)}");
    }

    private static async Task<string> Error(McpClient client, string tool, object arguments)
    {
        var result = await client.CallToolAsync(tool, Arguments(arguments));
        Assert.True(result.IsError == true, $"{tool} should have been refused but returned: {ServerConnection.Text(result)}");
        return ServerConnection.Text(result);
    }

    private static Dictionary<string, object?> Arguments(object arguments) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;

    /// <summary>The real server with four users' tokens and a policy file in the test's temp folder; clients connect as one of them.</summary>
    private sealed class TeamServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Uri _endpoint;

        private TeamServer(Process process, Uri endpoint)
        {
            _process = process;
            _endpoint = endpoint;
        }

        public static async Task<TeamServer> StartAsync(TempWorkspace workspace, string policy, IReadOnlyList<string>? extraArgs = null)
        {
            var config = Path.Combine(workspace.Parent, "team.json");
            await File.WriteAllTextAsync(config, policy);
            var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root,
            [
                "--token", "rita=" + ReaderSecret, "--token", "wendy=" + WriterSecret, "--token", "adam=" + AdminSecret, "--token", "nora=" + NobodySecret,
                "--config", config, .. extraArgs ?? [],
            ]);
            return new TeamServer(process, endpoint);
        }

        /// <param name="suffix">"/NAME" for the endpoint of one workspace.</param>
        /// <param name="options">The client's options; default a desktop client (protocol 2025-11-25).</param>
        public async Task<McpClient> ConnectAsync(string secret, string suffix = "", McpClientOptions? options = null) =>
            await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = new Uri(_endpoint.ToString().TrimEnd('/') + suffix),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + secret },
            }), options ?? ServerConnection.DesktopClient());

        public ValueTask DisposeAsync()
        {
            ServerConnection.Stop(_process);
            return ValueTask.CompletedTask;
        }
    }
}
