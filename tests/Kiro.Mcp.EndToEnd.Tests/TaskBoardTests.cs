using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>The task board: tasks.md is the state, read fresh and changed one checkbox at a time.</summary>
public class TaskBoardTests
{
    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task Tasks_are_listed_planned_and_marked_one_character_at_a_time(Transport transport)
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "board", quick = true });
        await server.CallOkAsync("spec_write", new { spec = "board", document = "requirements", content = WorkoutSpec.Requirements });
        await server.CallOkAsync("spec_write", new { spec = "board", document = "tasks", content = WorkoutSpec.Tasks });
        var before = workspace.Read(".kiro/specs/board/tasks.md");

        var list = await server.CallOkAsync("task_list", new { spec = "board" });
        Assert.Equal(["1", "1.1", "1.2", "2", "3"], list.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        var next = await server.CallOkAsync("task_next", new { spec = "board" });
        Assert.Equal("1.1", next.GetProperty("task").GetProperty("id").GetString());
        Assert.Equal(["2"], next.GetProperty("parallel").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        var change = await server.CallOkAsync("task_set_status", new { spec = "board", taskId = "1.1", status = "done" });
        Assert.Equal(("not_started", "done"), (change.GetProperty("previous").GetString(), change.GetProperty("status").GetString()));
        var after = workspace.Read(".kiro/specs/board/tasks.md");
        Assert.Equal(before.Length, after.Length);
        Assert.Equal(1, before.Zip(after).Count(p => p.First != p.Second));
        Assert.Contains("  - [x] 1.1 Implement WorkoutLog.Add", after);

        // An edit made in an editor is seen at once.
        File.WriteAllText(workspace.PathOf(".kiro/specs/board/tasks.md"), after.Replace("- [ ] 2. Implement", "- [x] 2. Implement", StringComparison.Ordinal));
        var next2 = await server.CallOkAsync("task_next", new { spec = "board" });
        Assert.Equal("1", next2.GetProperty("task").GetProperty("id").GetString());

        var plan = await server.CallOkAsync("task_plan", new { spec = "board" });
        Assert.Empty(plan.GetProperty("errors").EnumerateArray());
        Assert.Equal(["1.1", "1", "3"], plan.GetProperty("criticalPath").EnumerateArray().Select(i => i.GetString()));

        await server.CallErrorAsync("task_set_status", new { spec = "board", taskId = "9.9", status = "done" }, "task_not_found");
        await server.CallErrorAsync("task_set_status", new { spec = "board", taskId = "1", status = "finished" }, "status_invalid");
    }

    [Fact]
    public async Task Two_clients_completing_different_tasks_at_the_same_moment_never_lose_a_status_or_a_run()
    {
        using var workspace = new TempWorkspace();
        var tasks = "# Implementation Plan\n\n" + string.Concat(Enumerable.Range(1, 100).Select(i => $"- [ ] {i}. Task {i}\n- [ ] {i + 100}. Twin of task {i}\n"));
        workspace.Write(".kiro/specs/race/tasks.md", tasks);
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
        try
        {
            await using var first = await ServerConnection.ConnectHttpAsync(endpoint, "first");
            await using var second = await ServerConnection.ConnectHttpAsync(endpoint, "second");

            for (var i = 1; i <= 100; i++)
            {
                var results = await Task.WhenAll(
                    Complete(first, i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    Complete(second, (i + 100).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.All(results, r => Assert.NotEqual(true, r.IsError));
            }

            var final = workspace.Read(".kiro/specs/race/tasks.md");
            Assert.Equal(tasks.Replace("- [ ]", "- [x]", StringComparison.Ordinal), final);
            var runs = RunLogFile.Runs(workspace.Read(RunLogFile.PathOf("race")));
            Assert.Equal(200, runs.Count);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    private static Task<ModelContextProtocol.Protocol.CallToolResult> Complete(McpClient client, string taskId) =>
        client.CallToolAsync("task_complete", new Dictionary<string, object?> { ["spec"] = "race", ["taskId"] = taskId, ["verify"] = false }).AsTask();
}
