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
        "workspace_list",
        "audit_list",
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
        // characters / 4 approximates tokens. A client pays for the whole list in every conversation: the
        // ceilings keep growth deliberate (tools/bench/run.sh toolsize prints the figures). 11,000 -> 11,300
        // for audit_list (about 270 tokens: six filters and paging).
        var tokens = tools.ToDictionary(t => t.Name, t => JsonSerializer.Serialize(t.ProtocolTool).Length / 4);
        Assert.InRange(tokens.Values.Sum(), 1, 11_300);
        Assert.All(tokens, t => Assert.True(t.Value <= 1_000, $"{t.Key} costs {t.Value} tokens"));
        // Tight descriptions: a sentence for a tool, a clause for a parameter.
        Assert.All(tools, t => Assert.True(t.Description.Length <= 200, $"{t.Name}'s description has {t.Description.Length} characters"));
        var parameters = tools.SelectMany(t => t.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => (Tool: t.Name, p.Name, p.Value))).ToList();
        Assert.NotEmpty(parameters);
        Assert.All(parameters, p => Assert.True(
            !p.Value.TryGetProperty("description", out var d) || d.GetString()!.Length <= 160,
            $"{p.Tool}.{p.Name}'s description is longer than 160 characters"));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ToolName();
}
