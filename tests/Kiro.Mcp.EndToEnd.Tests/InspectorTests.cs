using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// Smoke test with the MCP Inspector's command line (@modelcontextprotocol/inspector --cli), the tool people
/// reach for first: it lists and calls tools over stdio (starting the server itself) and over HTTP.
/// </summary>
public class InspectorTests
{
    /// <summary>The Inspector's exit code when a called tool returns isError.</summary>
    private const int ToolErrorExitCode = 5;

    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task The_Inspector_lists_and_calls_tools(Transport transport)
    {
        using var workspace = new TempWorkspace();
        await using var inspector = await Inspector.StartAsync(transport, workspace);

        using var list = await inspector.RunOkAsync("--method", "tools/list");
        var tools = list.RootElement.GetProperty("result").GetProperty("tools").EnumerateArray().ToList();
        Assert.Equal(GoldenToolNames().Order(), tools.Select(t => t.GetProperty("name").GetString()!).Order());
        Assert.All(tools, t => Assert.Equal("object", t.GetProperty("outputSchema").GetProperty("type").GetString()));

        using var created = await inspector.RunOkAsync("--method", "tools/call", "--tool-name", "spec_create", "--tool-arg", "name=smoke", "description=Inspector smoke test");
        Assert.False(created.RootElement.GetProperty("result").TryGetProperty("isError", out var isError) && isError.GetBoolean());
        Assert.Contains("Inspector smoke test", workspace.Read(".kiro/specs/smoke/requirements.md"));

        using var status = await inspector.RunOkAsync("--method", "tools/call", "--tool-name", "spec_status", "--tool-arg", "spec=smoke");
        var structured = status.RootElement.GetProperty("result").GetProperty("structuredContent");
        Assert.Equal("requirements", structured.GetProperty("phase").GetString());

        using var resources = await inspector.RunOkAsync("--method", "resources/read", "--uri", "kiro://workspace/specs");
        Assert.Contains("smoke", resources.RootElement.GetProperty("result").GetProperty("contents")[0].GetProperty("text").GetString());

        // A tool error reaches the Inspector as one, with our stable code.
        var missing = await inspector.RunAsync("--method", "tools/call", "--tool-name", "spec_status", "--tool-arg", "spec=missing");
        Assert.True(missing.ExitCode == ToolErrorExitCode, missing.ToString());
        Assert.Contains("[spec_not_found]", missing.Stdout);
    }

    private static List<string> GoldenToolNames()
    {
        using var golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(ServerBinary.RepositoryRoot, "src", "Kiro.Mcp.Server", "Tools", "ToolList.json")));
        return golden.RootElement.EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
    }

    /// <summary>The Inspector CLI pointed at one server: a command it starts (stdio) or a running HTTP server.</summary>
    private sealed class Inspector : IAsyncDisposable
    {
        private readonly TempWorkspace _workspace;
        private readonly string[] _target;
        private readonly System.Diagnostics.Process? _server;
        private readonly IReadOnlyCollection<string> _serverLog;

        private Inspector(TempWorkspace workspace, string[] target, System.Diagnostics.Process? server, IReadOnlyCollection<string> serverLog)
        {
            _workspace = workspace;
            _target = target;
            _server = server;
            _serverLog = serverLog;
        }

        public static async Task<Inspector> StartAsync(Transport transport, TempWorkspace workspace)
        {
            if (transport == Transport.Stdio)
            {
                var userKiro = $"{ServerConnection.UserKiroVariable}={ServerConnection.UserKiroDirectory(workspace.Root)}";
                return new Inspector(workspace, ["-e", userKiro, "--", "dotnet", ServerBinary.Path, "--stdio", "--workspace", workspace.Root], null, []);
            }
            var (server, stderr, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
            return new Inspector(workspace, [endpoint.ToString()], server, stderr);
        }

        public async Task<NodeRun> RunAsync(params string[] method)
        {
            // stdio: options, then "--" and the server command; HTTP: the URL first.
            string[] arguments = _server is null
                ? ["--cli", "-q", "--format", "json", .. method, .. _target]
                : ["--cli", .. _target, "-q", "--format", "json", .. method];
            var run = await NodeClients.RunAsync(NodeClients.Package("@modelcontextprotocol/inspector/clients/launcher/build/index.js"), arguments, _workspace.Parent);
            return run with { Stderr = run.Stderr + "\nserver log:\n" + string.Join('\n', _serverLog) };
        }

        public async Task<JsonDocument> RunOkAsync(params string[] method)
        {
            var run = await RunAsync(method);
            Assert.True(run.ExitCode == 0, run.ToString());
            return JsonDocument.Parse(run.Stdout);
        }

        public ValueTask DisposeAsync()
        {
            if (_server is not null)
            {
                ServerConnection.Stop(_server);
            }
            return ValueTask.CompletedTask;
        }
    }
}
