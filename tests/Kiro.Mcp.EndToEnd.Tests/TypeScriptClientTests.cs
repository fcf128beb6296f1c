using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// The official TypeScript SDK client (@modelcontextprotocol/sdk) drives the whole spec → tasks flow
/// (tests/clients/spec-flow.mjs) over stdio and over HTTP, with and without answering approval prompts.
/// The SDK checks every structured result against the tool's output schema, as TypeScript hosts do.
/// </summary>
public class TypeScriptClientTests
{
    public static TheoryData<Transport, bool> Variants() => new()
    {
        { Transport.Stdio, true },
        { Transport.Stdio, false },
        { Transport.Http, true },
        { Transport.Http, false },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task The_TypeScript_client_takes_a_spec_from_creation_to_all_tasks_done(Transport transport, bool answersElicitation)
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/settings/kiro-mcp.json", """{"verify": {"command": "test -f .kiro/specs/workout/tasks.md", "timeoutSeconds": 60}}""");
        var input = Path.Combine(workspace.Parent, "flow.json");
        File.WriteAllText(input, JsonSerializer.Serialize(new
        {
            spec = "workout",
            documents = new[]
            {
                new { document = "requirements", content = WorkoutSpec.Requirements },
                new { document = "design", content = WorkoutSpec.Design },
                new { document = "tasks", content = WorkoutSpec.Tasks },
            },
        }));
        List<string> arguments = ["--input", input];
        if (answersElicitation)
        {
            arguments.Add("--elicitation");
        }
        var environment = new Dictionary<string, string> { [ServerConnection.UserKiroVariable] = ServerConnection.UserKiroDirectory(workspace.Root) };
        // The verification command comes from the repository: it runs only in a workspace the user trusts.
        await ServerConnection.TrustAsync(workspace.Root);

        // Over HTTP one run uses /mcp (the default workspace), the other the workspace's own endpoint, /mcp/workspace.
        var run = await RunFlowAsync(transport, workspace.Root, arguments, workspace.Parent, environment, workspaceEndpoint: !answersElicitation);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = JsonDocument.Parse(run.Stdout);
        var root = report.RootElement;
        Assert.Equal("kiro-mcp", root.GetProperty("server").GetProperty("name").GetString());
        Assert.Contains("task_complete", root.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));

        // Each approval was confirmed in the client exactly when the client offered elicitation.
        var asked = root.GetProperty("elicitations").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(answersElicitation ? 3 : 0, asked.Count);
        Assert.All(asked.Zip(["requirements.md", "design.md", "tasks.md"]), pair => Assert.Contains(pair.Second, pair.First));
        Assert.Equal(["requirements", "design", "tasks"], root.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("document").GetString()));
        Assert.All(root.GetProperty("approvals").EnumerateArray(), a => Assert.Equal("local user", a.GetProperty("by").GetString()));

        // Every required task was done in dependency order (sub-task, then its parent), the optional one left.
        Assert.Equal(["1.1", "1", "2", "3"], root.GetProperty("completed").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("done", root.GetProperty("phase").GetString());
        Assert.All(root.GetProperty("documents").EnumerateArray(), d => Assert.Equal("approved", d.GetProperty("approval").GetString()));

        // And the files on disk say the same, in Kiro's format.
        var tasks = workspace.Read(".kiro/specs/workout/tasks.md");
        Assert.Contains("- [x] 1. Workout storage", tasks);
        Assert.Contains("  - [x] 1.1 Implement WorkoutLog.Add with validation", tasks);
        Assert.Contains("  - [ ]* 1.2 Property test for stored workouts", tasks);
        Assert.Contains("- [x] 2. Implement History with paging", tasks);
        Assert.Contains("- [x] 3. Checkpoint - Ensure all tests pass", tasks);
        var runs = RunLogFile.Runs(workspace.Read(RunLogFile.PathOf("workout")));
        Assert.Equal(["1.1", "2", "3"], runs.Select(r => r.GetProperty("task").GetString()));
        Assert.All(runs, r => Assert.Equal(0, r.GetProperty("verification").GetProperty("exitCode").GetInt32()));
    }

    private static async Task<NodeRun> RunFlowAsync(Transport transport, string workspace, List<string> arguments, string scratch, Dictionary<string, string> environment, bool workspaceEndpoint)
    {
        var script = Path.Combine(NodeClients.Folder, "spec-flow.mjs");
        if (transport == Transport.Stdio)
        {
            // The TypeScript client starts the server itself, as a desktop host would.
            return await NodeClients.RunAsync(script, [.. arguments, "--", "dotnet", ServerBinary.Path, "--stdio", "--workspace", workspace], scratch, environment);
        }
        var (server, stderr, endpoint) = await ServerConnection.LaunchHttpAsync(workspace, []);
        try
        {
            var url = workspaceEndpoint ? $"{endpoint}/{Path.GetFileName(workspace)}" : endpoint.ToString();
            var run = await NodeClients.RunAsync(script, [.. arguments, "--url", url], scratch, environment);
            return run with { Stderr = run.Stderr + "\nserver log:\n" + string.Join('\n', stderr) };
        }
        finally
        {
            ServerConnection.Stop(server);
        }
    }
}
