using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// One server process, several repositories: named with --workspace, found under --workspaces DIR (also
/// when cloned there while the server runs), chosen per call with 'workspace' or per HTTP endpoint with
/// /mcp/NAME, and kept apart: results, files, notifications and hook prompts of one never reach another.
/// </summary>
public class MultiWorkspaceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task One_process_serves_three_repositories_each_call_in_the_one_it_names(Transport transport)
    {
        using var repositories = new Repositories("alpha", "beta", "gamma");
        await using var server = await ServerConnection.StartAsync(transport, repositories["alpha"],
            extraArgs: ["--workspace", $"b={repositories["beta"]}", "--workspace", repositories["gamma"]]);

        var list = await server.CallOkAsync("workspace_list", new { });
        Assert.Equal("alpha", list.GetProperty("default").GetString());
        Assert.Equal(["alpha", "b", "gamma"], list.GetProperty("workspaces").EnumerateArray().Select(w => w.GetProperty("name").GetString()!));

        await server.CallOkAsync("spec_create", new { name = "in-alpha" });
        await server.CallOkAsync("spec_create", new { name = "in-beta", workspace = "b" });
        await server.CallOkAsync("spec_create", new { name = "in-gamma", workspace = "gamma" });

        Assert.True(Directory.Exists(Path.Combine(repositories["alpha"], ".kiro/specs/in-alpha")));
        Assert.True(Directory.Exists(Path.Combine(repositories["beta"], ".kiro/specs/in-beta")));
        Assert.True(Directory.Exists(Path.Combine(repositories["gamma"], ".kiro/specs/in-gamma")));
        Assert.Equal(["in-beta"], SpecNames(await server.CallOkAsync("spec_list", new { workspace = "b" })));
        Assert.Equal(["in-gamma"], SpecNames(await server.CallOkAsync("spec_list", new { workspace = "gamma" })));
        Assert.Equal(["in-alpha"], SpecNames(await server.CallOkAsync("spec_list", new { })));
        await server.CallErrorAsync("spec_read", new { spec = "in-alpha", document = "requirements", workspace = "b" }, "spec_not_found");

        var beta = await server.Client.ReadResourceAsync("kiro://b/specs/in-beta/requirements");
        Assert.Contains("Requirements", Assert.IsType<TextResourceContents>(Assert.Single(beta.Contents)).Text);
        var counts = (await server.CallOkAsync("workspace_list", new { })).GetProperty("workspaces").EnumerateArray()
            .ToDictionary(w => w.GetProperty("name").GetString()!, w => w.GetProperty("specs").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["alpha"] = 1, ["b"] = 1, ["gamma"] = 1 }, counts);
    }

    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task An_unknown_workspace_or_a_path_is_refused_with_the_registered_names(Transport transport)
    {
        using var repositories = new Repositories("alpha", "beta");
        await using var server = await ServerConnection.StartAsync(transport, repositories["alpha"], extraArgs: ["--workspace", repositories["beta"]]);

        var unknown = await server.CallErrorAsync("spec_list", new { workspace = "gamma" }, "unknown_workspace");
        Assert.Contains("alpha, beta", unknown);
        var path = await server.CallErrorAsync("spec_list", new { workspace = repositories["beta"] }, "unknown_workspace");
        Assert.Contains("alpha, beta", path);
        await server.CallErrorAsync("spec_create", new { name = "x", workspace = "../beta" }, "unknown_workspace");
        var resource = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => server.Client.ReadResourceAsync("kiro://gamma/specs").AsTask());
        Assert.Contains("alpha, beta", resource.Message);
        Assert.False(Directory.Exists(Path.Combine(repositories.Parent, "gamma")));
        Assert.False(Directory.Exists(Path.Combine(repositories.Parent, ".kiro")));

        if (server.Endpoint is { } endpoint)
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint + "/gamma"))
            {
                Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("application/json, text/event-stream");
            using var response = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("alpha, beta", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_repository_cloned_into_the_workspaces_folder_is_served_without_a_restart()
    {
        using var repositories = new Repositories("alpha");
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, repositories["alpha"], extraArgs: ["--workspaces", repositories.Parent]);
        Assert.Equal(["alpha"], WorkspaceNames(await server.CallOkAsync("workspace_list", new { })));
        await server.CallOkAsync("spec_list", new { });
        await server.CallErrorAsync("spec_list", new { workspace = "late" }, "unknown_workspace");
        var listChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handler = server.Client.RegisterNotificationHandler(NotificationMethods.ResourceListChangedNotification, (_, _) =>
        {
            listChanged.TrySetResult();
            return ValueTask.CompletedTask;
        });

        var late = repositories.Add("late");
        Git.Init(late);

        await Poll.UntilAsync(async () => WorkspaceNames(await server.CallOkAsync("workspace_list", new { })).Contains("late"), "the new repository listed");
        // resources/list names each workspace's resources, so it changed with the new repository.
        await listChanged.Task.WaitAsync(Wait);
        var listed = await server.Client.ListResourcesAsync();
        Assert.Contains(listed, r => r.Uri == "kiro://late/specs");
        await server.CallOkAsync("spec_create", new { name = "cloned-later", workspace = "late" });
        Assert.True(Directory.Exists(Path.Combine(late, ".kiro/specs/cloned-later")));
        // A plain folder (no .git, no .kiro) is not a repository.
        repositories.Add("notes", marker: false);
        Assert.DoesNotContain("notes", WorkspaceNames(await server.CallOkAsync("workspace_list", new { })));
    }

    [Fact]
    public async Task Two_clients_on_two_repositories_at_once_get_only_their_own_results_and_notifications()
    {
        using var repositories = new Repositories("alpha", "beta");
        // Saved later (a new file is "created", not "saved", for hooks).
        File.WriteAllText(Path.Combine(repositories["alpha"], "notes.md"), "\n");
        File.WriteAllText(Path.Combine(repositories["beta"], "notes.md"), "\n");
        await using var server = await ServerConnection.StartAsync(Transport.Http, repositories["alpha"], extraArgs: ["--workspaces", repositories.Parent]);
        await using var alpha = await ServerConnection.ConnectHttpAsync(new Uri(server.Endpoint + "/alpha"), "alpha-window");
        await using var beta = await ServerConnection.ConnectHttpAsync(new Uri(server.Endpoint + "/beta"), "beta-window");
        var heard = new Dictionary<string, List<string>> { ["alpha"] = [], ["beta"] = [] };
        await using var alphaUpdates = alpha.RegisterNotificationHandler(NotificationMethods.ResourceUpdatedNotification, Record(heard["alpha"]));
        await using var betaUpdates = beta.RegisterNotificationHandler(NotificationMethods.ResourceUpdatedNotification, Record(heard["beta"]));
        await alpha.SubscribeToResourceAsync("kiro://alpha/specs");
        await beta.SubscribeToResourceAsync("kiro://beta/specs");

        // Both at once, each on its own endpoint and without naming a workspace.
        await Task.WhenAll(
            alpha.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "alpha-feature" }).AsTask(),
            beta.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "beta-feature" }).AsTask());

        Assert.Equal(["alpha-feature"], SpecNames(Structured(await alpha.CallToolAsync("spec_list", new Dictionary<string, object?>()))));
        Assert.Equal(["beta-feature"], SpecNames(Structured(await beta.CallToolAsync("spec_list", new Dictionary<string, object?>()))));
        // An endpoint serves its workspace only: naming the other one is refused, and its resources are not readable.
        var crossed = await alpha.CallToolAsync("spec_list", new Dictionary<string, object?> { ["workspace"] = "beta" });
        Assert.True(crossed.IsError);
        Assert.StartsWith("[workspace_not_served]", ServerConnection.Text(crossed));
        await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => alpha.ReadResourceAsync("kiro://beta/specs").AsTask());
        Assert.Equal(["alpha"], WorkspaceNames(Structured(await alpha.CallToolAsync("workspace_list", new Dictionary<string, object?>()))));

        await Poll.UntilAsync(() => Snapshot(heard["alpha"]).Count > 0 && Snapshot(heard["beta"]).Count > 0, "each subscriber notified of its own new spec");
        // An outside edit in beta reaches beta's subscriber again, never alpha's.
        File.WriteAllText(Path.Combine(repositories["beta"], ".kiro/specs/beta-feature/requirements.md"), "# Requirements Document\n\nEdited.\n");
        await Poll.UntilAsync(() => Snapshot(heard["beta"]).Count > 1, "beta's subscriber notified of the edit");
        Assert.All(Snapshot(heard["alpha"]), uri => Assert.StartsWith("kiro://alpha/", uri));
        Assert.All(Snapshot(heard["beta"]), uri => Assert.StartsWith("kiro://beta/", uri));

        // Hook prompts: each workspace's agent hook speaks to the client working in that workspace only.
        foreach (var (client, name) in new[] { (alpha, "alpha"), (beta, "beta") })
        {
            Structured(await client.CallToolAsync("hook_create", new Dictionary<string, object?>
            {
                ["name"] = "Notes review", ["trigger"] = "PostFileSave", ["matcher"] = @"^notes\.md$", ["actionType"] = "agent", ["prompt"] = $"Review the notes of {name}.",
            }));
        }
        File.WriteAllText(Path.Combine(repositories["alpha"], "notes.md"), "alpha notes\n");
        var alphaPrompts = await PromptsAsync(alpha);
        Assert.Equal(["Review the notes of alpha."], alphaPrompts);
        Assert.Empty(await PendingAsync(beta));
        File.WriteAllText(Path.Combine(repositories["beta"], "notes.md"), "beta notes\n");
        Assert.Equal(["Review the notes of beta."], await PromptsAsync(beta));
        Assert.Empty(await PendingAsync(alpha));
    }

    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task A_save_fires_its_own_workspaces_hooks_in_a_bin_folder_gitignore_keeps_but_not_in_one_it_excludes(Transport transport)
    {
        using var repositories = new Repositories("alpha", "beta");
        Git.Init(repositories["alpha"]);
        File.WriteAllText(Path.Combine(repositories["alpha"], ".gitignore"), "dist/\n");
        // Files that exist before the server starts, so that writing them later is a save (a new file is "created").
        string[] scripts = ["bin/cli.js", "dist/bundle.js", "src/later.js"];
        foreach (var script in scripts)
        {
            File.WriteAllText(Path.Combine(repositories["alpha"], script).EnsureFolder(), "\n");
        }
        await using var server = await ServerConnection.StartAsync(transport, repositories["alpha"],
            extraArgs: ["--workspace", repositories["beta"], ServerConnection.Trust]);
        foreach (var name in new[] { "alpha", "beta" })
        {
            await server.CallOkAsync("hook_create", new
            {
                name = "Record scripts",
                trigger = "PostFileSave",
                matcher = @"\.js$",
                actionType = "command",
                command = "printf '%s\\n' \"$KIRO_FILE_PATH\" >> saved.out; pwd > cwd.out",
                workspace = name,
            });
        }

        // A Node project's bin/cli.js: 'bin' is not git-ignored here, so it is watched like any source folder.
        // Until the first file hook exists, only .kiro is watched; the watch widens just after hook_create, so save until seen.
        await Poll.UntilAsync(async () =>
        {
            File.WriteAllText(Path.Combine(repositories["alpha"], "bin", "cli.js"), "#!/usr/bin/env node\n");
            await Task.Delay(TimeSpan.FromSeconds(1));
            return Saved(repositories["alpha"]).Contains("bin/cli.js");
        }, "the hook for bin/cli.js");
        File.WriteAllText(Path.Combine(repositories["alpha"], "dist", "bundle.js"), "bundled\n");
        // A later save that does fire: by the time it is recorded, the ignored one would have been too.
        File.WriteAllText(Path.Combine(repositories["alpha"], "src", "later.js"), "later\n");
        await Poll.UntilAsync(() => Saved(repositories["alpha"]).Contains("src/later.js"), "the hook for src/later.js");

        Assert.DoesNotContain("dist/bundle.js", Saved(repositories["alpha"]));
        Assert.Equal(Path.GetFullPath(repositories["alpha"]), File.ReadAllText(Path.Combine(repositories["alpha"], "cwd.out")).Trim());
        Assert.False(File.Exists(Path.Combine(repositories["beta"], "saved.out")));
    }

    private static List<string> Saved(string repository)
    {
        var file = Path.Combine(repository, "saved.out");
        return File.Exists(file) ? [.. File.ReadAllLines(file)] : [];
    }

    /// <summary>Waits for the agent hook prompts waiting for this client, and hands them out.</summary>
    private static async Task<List<string>> PromptsAsync(McpClient client)
    {
        List<string> prompts = [];
        await Poll.UntilAsync(async () => (prompts = await PendingAsync(client)).Count > 0, "a hook prompt");
        return prompts;
    }

    private static async Task<List<string>> PendingAsync(McpClient client) =>
        [.. Structured(await client.CallToolAsync("hook_pending", new Dictionary<string, object?>())).GetProperty("prompts").EnumerateArray().Select(p => p.GetProperty("prompt").GetString()!)];

    [Fact]
    public async Task A_stateless_2026_client_subscribed_with_subscriptions_listen_hears_an_outside_edit()
    {
        using var repositories = new Repositories("alpha");
        await using var server = await ServerConnection.StartAsync(Transport.Http, repositories["alpha"],
            new McpClientOptions { ClientInfo = new Implementation { Name = "new-client", Version = "1.0" }, DiscoverProbeTimeout = TimeSpan.FromSeconds(60), InitializationTimeout = TimeSpan.FromSeconds(60) }, extraArgs: ["--stateless"]);
        Assert.Equal("2026-07-28", server.Client.NegotiatedProtocolVersion);
        await server.CallOkAsync("spec_create", new { name = "listened" });
        const string uri = "kiro://alpha/specs/listened/requirements";
        var acknowledged = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var updated = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var ack = server.Client.RegisterNotificationHandler(NotificationMethods.SubscriptionsAcknowledgedNotification, (n, _) =>
        {
            acknowledged.TrySetResult(n.Params is null ? null : JsonSerializer.SerializeToElement(n.Params));
            return ValueTask.CompletedTask;
        });
        await using var update = server.Client.RegisterNotificationHandler(NotificationMethods.ResourceUpdatedNotification, (n, _) =>
        {
            updated.TrySetResult(n.Params is null ? null : JsonSerializer.SerializeToElement(n.Params));
            return ValueTask.CompletedTask;
        });
        using var stop = new CancellationTokenSource();
        var listen = server.Client.SendRequestAsync(new JsonRpcRequest
        {
            Method = RequestMethods.SubscriptionsListen,
            Params = JsonSerializer.SerializeToNode(new { notifications = new { resourceSubscriptions = new[] { uri } } }),
        }, stop.Token);

        var granted = (await acknowledged.Task.WaitAsync(Wait))!.Value;
        Assert.Equal(uri, granted.GetProperty("notifications").GetProperty("resourceSubscriptions")[0].GetString());
        File.AppendAllText(Path.Combine(repositories["alpha"], ".kiro/specs/listened/requirements.md"), "\nEdited in an editor.\n");

        var notification = (await updated.Task.WaitAsync(Wait))!.Value;
        Assert.Equal(uri, notification.GetProperty("uri").GetString());
        Assert.True(notification.GetProperty("_meta").TryGetProperty("io.modelcontextprotocol/subscriptionId", out _));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await listen);
    }

    private static Func<JsonRpcNotification, CancellationToken, ValueTask> Record(List<string> uris) => (notification, _) =>
    {
        if (notification.Params?["uri"]?.GetValue<string>() is { } uri)
        {
            lock (uris)
            {
                uris.Add(uri);
            }
        }
        return ValueTask.CompletedTask;
    };

    private static List<string> Snapshot(List<string> uris)
    {
        lock (uris)
        {
            return [.. uris];
        }
    }

    private static JsonElement Structured(CallToolResult result)
    {
        Assert.True(result.IsError != true, ServerConnection.Text(result));
        return result.StructuredContent!.Value;
    }

    private static List<string> SpecNames(JsonElement page) => [.. page.GetProperty("specs").EnumerateArray().Select(s => s.GetProperty("name").GetString()!)];

    private static List<string> WorkspaceNames(JsonElement list) => [.. list.GetProperty("workspaces").EnumerateArray().Select(w => w.GetProperty("name").GetString()!)];

    /// <summary>Repository folders side by side in one temp folder (the DIR of --workspaces), each with a .kiro folder.</summary>
    private sealed class Repositories : IDisposable
    {
        public Repositories(params string[] names)
        {
            Parent = Directory.CreateTempSubdirectory("kiro-mcp-repos-").FullName;
            foreach (var name in names)
            {
                Add(name);
            }
        }

        public string Parent { get; }

        public string this[string name] => Path.Combine(Parent, name);

        public string Add(string name, bool marker = true)
        {
            var path = Path.Combine(Parent, name);
            Directory.CreateDirectory(marker ? Path.Combine(path, ".kiro") : path);
            return path;
        }

        public void Dispose() => Directory.Delete(Parent, recursive: true);
    }
}

/// <summary>Creates the folder of a file path before it is written.</summary>
internal static class FilePathExtensions
{
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
