using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>spec_export: what a tracker sync script gets from the real server.</summary>
public class ExportTests
{
    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task A_spec_exports_as_json_jira_csv_and_github_issues_with_its_current_statuses(Transport transport)
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "workouts", quick = true });
        await server.CallOkAsync("spec_write", new { spec = "workouts", document = "requirements", content = WorkoutSpec.Requirements });
        await server.CallOkAsync("spec_write", new { spec = "workouts", document = "tasks", content = WorkoutSpec.Tasks });
        await server.CallOkAsync("task_set_status", new { spec = "workouts", taskId = "1.1", status = "done" });

        var json = await server.CallOkAsync("spec_export", new { spec = "workouts" });
        Assert.Equal("json", json.GetProperty("format").GetString());
        var model = JsonDocument.Parse(json.GetProperty("content").GetString()!).RootElement;
        var task = model.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "workouts/task/1.1");
        Assert.Equal("done", task.GetProperty("status").GetString());
        Assert.Equal(["workouts/criterion/1.1", "workouts/criterion/1.2"], task.GetProperty("criteria").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("workouts/task/1", task.GetProperty("parent").GetString());

        var csv = await server.CallOkAsync("spec_export", new { spec = "workouts", format = "csv" });
        Assert.Equal("text/csv", csv.GetProperty("mediaType").GetString());
        var lines = csv.GetProperty("content").GetString()!.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Issue id,Parent id,Summary,Description,Issue Type,Status,Labels", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("2,1,1.1 Implement WorkoutLog.Add with validation,", lines[2]);
        Assert.Contains(",Sub-task,Done,kiro,spec-workouts", lines[2]);

        var github = await server.CallOkAsync("spec_export", new { spec = "workouts", format = "github" });
        var issues = JsonDocument.Parse(github.GetProperty("content").GetString()!).RootElement.EnumerateArray().ToList();
        Assert.Equal(["[workouts] 1. Workout storage", "[workouts] 2. Implement History with paging", "[workouts] 3. Checkpoint - Ensure all tests pass"],
            issues.Select(i => i.GetProperty("title").GetString()));
        var body = issues[0].GetProperty("body").GetString()!;
        Assert.Contains("- [x] 1.1 Implement WorkoutLog.Add with validation", body);
        Assert.Contains("- [ ] 1.2 Property test for stored workouts (optional)", body);
        Assert.Contains("- **2.1** WHEN the user opens the history", body);

        await server.CallErrorAsync("spec_export", new { spec = "workouts", format = "xml" }, "format_invalid");
        await server.CallErrorAsync("spec_export", new { spec = "nothing-here" }, "spec_not_found");
    }
}
