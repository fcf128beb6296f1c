using System.Text.Json;
using System.Text.Json.Nodes;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// The output schemas are trimmed after the SDK builds them (Protocol/ToolListTrimming.cs): every tool's real result
/// must still fit its schema, as this harness checks it and as the TypeScript SDK's own validator (ajv) checks it.
/// </summary>
public class OutputSchemaTests
{
    [Fact]
    public async Task Every_tool_answers_with_a_result_that_its_output_schema_accepts_here_and_in_the_TypeScript_SDK()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("src/app.ts", "export const app = 1;\n");
        workspace.Write(".kiro/settings/kiro-mcp.json", """{"verify": {"command": "true", "timeoutSeconds": 60}}""");
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]);
        var results = new Dictionary<string, JsonElement>();
        // CallOkAsync checks each result against the tool's output schema (Harness/OutputSchema.cs).
        async Task<JsonElement> CallAsync(string tool, object arguments) => results[tool] = await server.CallOkAsync(tool, arguments);
        const string spec = "workout";

        await CallAsync("workspace_list", new { });
        await CallAsync("spec_create", new { name = spec, description = "Log workouts." });
        foreach (var (document, content) in new[] { ("requirements", WorkoutSpec.Requirements), ("design", WorkoutSpec.Design), ("tasks", WorkoutSpec.Tasks) })
        {
            await CallAsync("spec_write", new { spec, document, content });
            await CallAsync("spec_validate", new { spec });
            await CallAsync("spec_approve", new { spec, document });
        }
        await CallAsync("spec_read", new { spec, document = "requirements" });
        await CallAsync("spec_status", new { spec });
        await CallAsync("spec_list", new { });
        await CallAsync("spec_trace", new { spec });
        await CallAsync("spec_export", new { spec });
        await CallAsync("task_list", new { spec });
        await CallAsync("task_plan", new { spec });
        await CallAsync("task_next", new { spec });
        await CallAsync("task_context", new { spec, taskId = "1.1" });
        await CallAsync("task_start", new { spec, taskId = "1.1" });
        Assert.True((await CallAsync("task_complete", new { spec, taskId = "1.1", summary = "Added." })).GetProperty("completed").GetBoolean());
        await CallAsync("task_set_status", new { spec, taskId = "2", status = "queued" });
        await CallAsync("steering_write", new { name = "api", content = "# API\n\nKeep handlers small.\n", inclusion = "fileMatch", fileMatchPattern = new[] { "src/**/*.ts" } });
        await CallAsync("steering_list", new { });
        await CallAsync("steering_read", new { name = "api" });
        await CallAsync("steering_context", new { paths = new[] { "src/app.ts" } });
        await CallAsync("steering_generate", new { documents = new[] { "product" }, dryRun = true });
        await CallAsync("hook_create", new { name = "Echo", trigger = "Manual", actionType = "command", command = "echo hello" });
        await CallAsync("hook_list", new { });
        await CallAsync("hook_run", new { name = "Echo" });
        await CallAsync("hook_history", new { });
        await CallAsync("hook_pending", new { });
        await CallAsync("audit_list", new { });
        Git.Init(workspace.Root);
        Git.CommitAll(workspace.Root, "All of it");
        await CallAsync("spec_impact", new { @base = "HEAD" });

        var tools = await server.Client.ListToolsAsync();
        Assert.Equal(tools.Select(t => t.Name).Order(), results.Keys.Order());

        var checks = new JsonArray([.. tools.Select(t => new JsonObject
        {
            ["tool"] = t.Name,
            ["schema"] = JsonNode.Parse(t.ProtocolTool.OutputSchema!.Value.GetRawText()),
            ["result"] = JsonNode.Parse(results[t.Name].GetRawText()),
        })]);
        var file = Path.Combine(workspace.Parent, "results.json");
        File.WriteAllText(file, checks.ToJsonString());
        var run = await NodeClients.RunAsync(Path.Combine(NodeClients.Folder, "check-output-schemas.mjs"), [file], workspace.Parent);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(tools.Count, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("checked").GetInt32());
    }
}
