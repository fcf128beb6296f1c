using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Protocol;

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

        var (json, jsonText) = await ExportAsync(server, new { spec = "workouts" }, "application/json");
        Assert.Equal("json", json.GetProperty("format").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("nextCursor").ValueKind);
        var model = JsonDocument.Parse(jsonText).RootElement;
        var task = model.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "workouts/task/1.1");
        Assert.Equal("done", task.GetProperty("status").GetString());
        Assert.Equal(["workouts/criterion/1.1", "workouts/criterion/1.2"], task.GetProperty("criteria").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("workouts/task/1", task.GetProperty("parent").GetString());

        var (csv, csvText) = await ExportAsync(server, new { spec = "workouts", format = "csv" }, "text/csv");
        Assert.Equal("text/csv", csv.GetProperty("mediaType").GetString());
        var lines = csvText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Issue id,Parent id,Summary,Description,Issue Type,Status,Labels", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("2,1,1.1 Implement WorkoutLog.Add with validation,", lines[2]);
        Assert.Contains(",Sub-task,Done,kiro,spec-workouts", lines[2]);

        var (_, githubText) = await ExportAsync(server, new { spec = "workouts", format = "github" }, "application/json");
        var issues = JsonDocument.Parse(githubText).RootElement.EnumerateArray().ToList();
        Assert.Equal(["[workouts] 1. Workout storage", "[workouts] 2. Implement History with paging", "[workouts] 3. Checkpoint - Ensure all tests pass"],
            issues.Select(i => i.GetProperty("title").GetString()));
        var body = issues[0].GetProperty("body").GetString()!;
        Assert.Contains("- [x] 1.1 Implement WorkoutLog.Add with validation", body);
        Assert.Contains("- [ ] 1.2 Property test for stored workouts (optional)", body);
        Assert.Contains("- **2.1** WHEN the user opens the history", body);

        await server.CallErrorAsync("spec_export", new { spec = "workouts", format = "xml" }, "format_invalid");
        await server.CallErrorAsync("spec_export", new { spec = "nothing-here" }, "spec_not_found");
    }

    [Fact]
    public async Task A_large_export_comes_in_pages_of_at_most_20000_characters_that_join_to_the_whole()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        await server.CallOkAsync("spec_create", new { name = "big", quick = true });
        await server.CallOkAsync("spec_write", new { spec = "big", document = "requirements", content = WorkoutSpec.Requirements });
        var tasks = new System.Text.StringBuilder("# Implementation Plan\n\n");
        for (var i = 1; i <= 400; i++)
        {
            tasks.Append($"- [ ] {i}. Task number {i} with a title long enough to matter\n  - Details of task {i}\n  - _Requirements: 1.1_\n");
        }
        await server.CallOkAsync("spec_write", new { spec = "big", document = "tasks", content = tasks.ToString() });

        var whole = new System.Text.StringBuilder();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (page, text) = await ExportAsync(server, new { spec = "big", format = "csv", cursor }, "text/csv");
            Assert.True(text.Length <= 20_000, $"page of {text.Length} characters");
            Assert.Equal(whole.Length, page.GetProperty("offset").GetInt32());
            whole.Append(text);
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 100);

        Assert.True(pages > 1);
        var rows = whole.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(401, rows.Length);
        Assert.StartsWith("Issue id,", rows[0]);
        await server.CallErrorAsync("spec_export", new { spec = "big", cursor = "not-a-cursor" }, "cursor_invalid");
    }

    /// <summary>The export arrives as an embedded resource of its MIME type; the structured result describes it.</summary>
    private static async Task<(JsonElement Result, string Text)> ExportAsync(ServerConnection server, object arguments, string mimeType)
    {
        var result = await server.CallOkResultAsync("spec_export", arguments);
        var resource = Assert.IsType<TextResourceContents>(Assert.IsType<EmbeddedResourceBlock>(Assert.Single(result.Content)).Resource);
        Assert.Equal(mimeType, resource.MimeType);
        return (result.StructuredContent!.Value, resource.Text);
    }
}
