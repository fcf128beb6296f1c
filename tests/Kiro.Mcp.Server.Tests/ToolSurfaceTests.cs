using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kiro.Mcp.Server.Tests;

/// <summary>
/// The tool surface as clients see it. The schema snapshot fails when a tool's name, description,
/// annotations or schemas change: review the diff, then regenerate with UPDATE_GOLDEN=1.
/// </summary>
public partial class ToolSurfaceTests
{
    private static readonly string[] ToolNames =
    [
        "spec_list", "spec_create", "spec_read", "spec_write", "spec_validate", "spec_approve", "spec_status", "spec_trace", "spec_export",
        "task_list", "task_next", "task_start", "task_context", "task_complete", "task_set_status", "task_plan",
        "steering_list", "steering_read", "steering_context", "steering_write",
        "hook_list", "hook_create", "hook_run", "hook_pending", "hook_history",
        "steering_generate",
    ];

    [Fact]
    public async Task The_tool_list_is_exactly_the_documented_tools()
    {
        await using var server = await InProcessServer.StartAsync();
        var tools = await server.Client.ListToolsAsync();
        Assert.Equal(ToolNames.Order(), tools.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Every_tool_has_a_kiro_safe_name_a_one_line_description_annotations_and_schemas()
    {
        await using var server = await InProcessServer.StartAsync();
        foreach (var tool in await server.Client.ListToolsAsync())
        {
            var protocol = tool.ProtocolTool;
            Assert.Matches(ToolName(), protocol.Name);
            // Kiro drops tools whose name with the server prefix passes 64 characters.
            Assert.True($"kiro-mcp_{protocol.Name}".Length <= 64);
            Assert.False(string.IsNullOrWhiteSpace(protocol.Description));
            Assert.DoesNotContain('\n', protocol.Description);
            Assert.NotNull(protocol.Annotations?.ReadOnlyHint);
            Assert.NotNull(protocol.OutputSchema);
            var properties = protocol.InputSchema.GetProperty("properties");
            foreach (var parameter in properties.EnumerateObject())
            {
                Assert.True(parameter.Value.TryGetProperty("description", out _), $"{protocol.Name}.{parameter.Name} has no description");
            }
        }
    }

    [Fact]
    public async Task The_tool_schemas_match_the_reviewed_snapshot()
    {
        await using var server = await InProcessServer.StartAsync();
        var tools = (await server.Client.ListToolsAsync()).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => JsonSerializer.SerializeToNode(t.ProtocolTool));
        var actual = new JsonArray([.. tools]).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var golden = Path.Combine(SourceDirectory(), "TestData", "tools.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }
        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public async Task The_tool_list_stays_within_a_small_token_budget()
    {
        await using var server = await InProcessServer.StartAsync();
        var tools = await server.Client.ListToolsAsync();
        var characters = tools.Sum(t => JsonSerializer.Serialize(t.ProtocolTool).Length);
        // characters / 4 approximates tokens; the whole specs toolset should cost a client little context.
        Assert.InRange(characters / 4, 1, 8000);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ToolName();
}
