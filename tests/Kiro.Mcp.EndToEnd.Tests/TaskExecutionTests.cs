using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>A spec executed task by task in a real git repository, as an assistant would.</summary>
public class TaskExecutionTests
{
    private const string Tasks = """
        # Implementation Plan

        - [ ] 1. Workout storage
          - [ ] 1.1 Implement WorkoutLog.Add in `src/add.txt`
            - _Requirements: 1.1, 1.2_
            - _Verify: test -f src/add.txt_
          - [ ]* 1.2 Property test for stored workouts
            - _Requirements: 1.1_

        - [ ] 2. Implement History with paging in `src/history.txt`
          - _Requirements: 2.1_

        - [ ] 3. Checkpoint - Ensure all tests pass

        """;

    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task A_spec_is_executed_to_completion_with_verification_and_run_records(Transport transport)
    {
        using var workspace = new TempWorkspace();
        Git.Init(workspace.Root);
        workspace.Write(".kiro/settings/kiro-mcp.json", """{"verify": {"command": "test -d src", "timeoutSeconds": 60}}""");
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root, extraArgs: [ServerConnection.Trust]);
        await server.CallOkAsync("spec_create", new { name = "exec" });
        await server.CallOkAsync("spec_write", new { spec = "exec", document = "requirements", content = WorkoutSpec.Requirements });
        await server.CallOkAsync("spec_approve", new { spec = "exec", document = "requirements" });
        await server.CallOkAsync("spec_write", new { spec = "exec", document = "design", content = WorkoutSpec.Design });
        await server.CallOkAsync("spec_approve", new { spec = "exec", document = "design" });
        await server.CallErrorAsync("task_start", new { spec = "exec", taskId = "1.1" }, "document_missing");
        await server.CallOkAsync("spec_write", new { spec = "exec", document = "tasks", content = Tasks });
        await server.CallErrorAsync("task_start", new { spec = "exec", taskId = "1.1" }, "gate_closed");
        await server.CallOkAsync("spec_approve", new { spec = "exec", document = "tasks" });
        var original = workspace.Read(".kiro/specs/exec/tasks.md");
        Git.CommitAll(workspace.Root, "spec");

        // Task 1.1: its own verification fails until the file exists, and the task stays open.
        await server.CallErrorAsync("task_start", new { spec = "exec", taskId = "2.9" }, "task_not_found");
        var context = await server.CallOkAsync("task_start", new { spec = "exec", taskId = "1.1" });
        Assert.Equal(["1.1", "1.2"], context.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Contains(context.GetProperty("design").EnumerateArray(), s => s.GetProperty("title").GetString() == "WorkoutLog");
        Assert.Contains("  - [-] 1.1", workspace.Read(".kiro/specs/exec/tasks.md"));
        Assert.Contains("- [-] 1. Workout storage", workspace.Read(".kiro/specs/exec/tasks.md"));
        var failed = await server.CallOkAsync("task_complete", new { spec = "exec", taskId = "1.1" });
        Assert.False(failed.GetProperty("completed").GetBoolean());
        Assert.Equal(1, failed.GetProperty("verification").GetProperty("exitCode").GetInt32());
        Assert.Contains("  - [-] 1.1", workspace.Read(".kiro/specs/exec/tasks.md"));

        workspace.Write("src/add.txt", "add");
        var firstCommit = Git.CommitAll(workspace.Root, "Add workouts");
        var done = await server.CallOkAsync("task_complete", new { spec = "exec", taskId = "1.1", summary = "Add with validation" });
        Assert.True(done.GetProperty("completed").GetBoolean());
        Assert.Equal(["1.1", "1"], done.GetProperty("markedDone").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("2", done.GetProperty("next").GetProperty("id").GetString());

        // Task 2 is blocked for nobody; the checkpoint waits for it.
        await server.CallErrorAsync("task_start", new { spec = "exec", taskId = "3" }, "task_blocked");
        await server.CallOkAsync("task_start", new { spec = "exec", taskId = "2" });
        workspace.Write("src/history.txt", "history");
        Git.CommitAll(workspace.Root, "History");
        await server.CallOkAsync("task_complete", new { spec = "exec", taskId = "2" });
        await server.CallOkAsync("task_start", new { spec = "exec", taskId = "3" });
        var last = await server.CallOkAsync("task_complete", new { spec = "exec", taskId = "3" });
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        await server.CallErrorAsync("task_complete", new { spec = "exec", taskId = "3" }, "task_done");

        // tasks.md: every byte as written, but the status characters of the required tasks.
        var final = workspace.Read(".kiro/specs/exec/tasks.md");
        Assert.Equal(original.Length, final.Length);
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != final[i]).ToList();
        Assert.Equal(4, changed.Count);
        Assert.All(changed, i => Assert.Equal((' ', 'x'), (original[i], final[i])));
        Assert.Contains("- [ ]* 1.2", final);

        var runs = RunLogFile.Runs(workspace.Read(RunLogFile.PathOf("exec")));
        Assert.Equal(["1.1", "2", "3"], runs.Select(r => r.GetProperty("task").GetString()));
        var first = runs[0];
        Assert.Equal(firstCommit, Assert.Single(first.GetProperty("commits").EnumerateArray()).GetProperty("sha").GetString());
        Assert.Equal(["src/add.txt"], first.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("test -f src/add.txt", first.GetProperty("verification").GetProperty("command").GetString());
        Assert.Equal("Add with validation", first.GetProperty("summary").GetString());
        Assert.Equal("e2e-client 1.0", first.GetProperty("startedBy").GetString());
        Assert.Equal(["src/history.txt"], runs[1].GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("test -d src", runs[1].GetProperty("verification").GetProperty("command").GetString());
        Assert.Empty(runs[2].GetProperty("commits").EnumerateArray());

        // The trace follows a criterion to the commits and files of the tasks that implement it.
        var trace = await server.CallOkAsync("spec_trace", new { spec = "exec", requirement = "1.2" });
        var traced = Assert.Single(Assert.Single(trace.GetProperty("criteria").EnumerateArray()).GetProperty("tasks").EnumerateArray(), t => t.GetProperty("id").GetString() == "1.1");
        Assert.Equal(firstCommit, Assert.Single(traced.GetProperty("commits").EnumerateArray()).GetProperty("sha").GetString());
        Assert.Equal(["src/add.txt"], traced.GetProperty("files").EnumerateArray().Select(f => f.GetString()));

        // A criterion edited after its task was done puts the task up for a recheck.
        var status = await server.CallOkAsync("spec_status", new { spec = "exec" });
        Assert.Empty(status.GetProperty("needsRecheck").EnumerateArray());
        var requirements = workspace.Read(".kiro/specs/exec/requirements.md");
        workspace.Write(".kiro/specs/exec/requirements.md", requirements.Replace("\"Exercise name is required\"", "\"Name the exercise\"", StringComparison.Ordinal));
        var drifted = await server.CallOkAsync("spec_status", new { spec = "exec" });
        var recheck = Assert.Single(drifted.GetProperty("needsRecheck").EnumerateArray());
        Assert.Equal("1.1", recheck.GetProperty("task").GetString());
        Assert.Equal(["criterion 1.2"], recheck.GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        var validation = await server.CallOkAsync("spec_validate", new { spec = "exec" });
        Assert.Contains(validation.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "task_needs_recheck");
    }
}
