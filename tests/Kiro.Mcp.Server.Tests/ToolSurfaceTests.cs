using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Server.Tests;

/// <summary>
/// The tool surface as clients see it. The schema snapshot fails when a tool's name, description,
/// annotations or schemas change: review the diff, then regenerate with UPDATE_GOLDEN=1.
/// </summary>
public partial class ToolSurfaceTests
{
    private static readonly string[] ToolNames =
    [
        "spec_list", "spec_create", "spec_read", "spec_write", "spec_validate", "spec_approve", "spec_status", "spec_trace", "spec_export", "spec_impact",
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
            // Hints equal to the protocol's defaults are left out (readOnlyHint false, destructiveHint true): no tool reaches outside the workspace.
            Assert.NotNull(protocol.Annotations);
            Assert.False(protocol.Annotations.OpenWorldHint);
            Assert.NotNull(protocol.OutputSchema);
            var properties = protocol.InputSchema.GetProperty("properties");
            foreach (var parameter in properties.EnumerateObject().Where(p => !SaidByTheirName.Contains(p.Name)))
            {
                Assert.True(parameter.Value.TryGetProperty("description", out _), $"{protocol.Name}.{parameter.Name} has no description");
            }
        }
    }

    [Fact]
    public async Task Tools_that_only_read_say_so_and_the_others_leave_it_to_the_default()
    {
        await using var server = await InProcessServer.StartAsync();
        var readOnly = (await server.Client.ListToolsAsync()).Where(t => t.ProtocolTool.Annotations!.ReadOnlyHint == true).Select(t => t.Name).ToList();
        Assert.Contains("spec_status", readOnly);
        Assert.Contains("task_next", readOnly);
        Assert.DoesNotContain("task_start", readOnly);
        Assert.DoesNotContain("spec_write", readOnly);
    }

    [Fact]
    public async Task The_workspace_argument_is_a_string_taught_by_workspace_list()
    {
        await using var server = await InProcessServer.StartAsync();
        var tools = await server.Client.ListToolsAsync();
        Assert.Contains("'workspace'", tools.Single(t => t.Name == "workspace_list").Description);
        Assert.All(tools.Where(t => t.Name != "workspace_list"), t => Assert.Equal(JsonValueKind.String,
            t.JsonSchema.GetProperty("properties").GetProperty("workspace").GetProperty("type").ValueKind));
    }

    /// <summary>Parameters whose name can say all there is to say: they need no description (task_next's optional spec has one).</summary>
    private static readonly HashSet<string> SaidByTheirName = ["spec", "workspace"];

    /// <summary>The server serves its tools from this reviewed list (Tools/ToolList.cs); ToolListTests keeps it equal to what the tool methods build.</summary>
    internal static string ReviewedList => Path.Combine(SourceDirectory(), "..", "..", "src", "Kiro.Mcp.Server", "Tools", "ToolList.json");

    /// <summary>The tools as the reviewed list holds them: sorted by name, indented, ' and … as they are.</summary>
    internal static string Snapshot(IEnumerable<Tool> tools) =>
        new JsonArray([.. tools.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => JsonSerializer.SerializeToNode(t))])
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    [Fact]
    public async Task The_tool_schemas_match_the_reviewed_snapshot()
    {
        await using var server = await InProcessServer.StartAsync();
        var served = Snapshot((await server.Client.ListToolsAsync()).Select(t => t.ProtocolTool));
        Assert.Equal(File.ReadAllText(ReviewedList), served);
    }

    [Fact]
    public async Task The_tool_list_stays_within_a_small_token_budget()
    {
        await using var server = await InProcessServer.StartAsync();
        var tools = await server.Client.ListToolsAsync();
        // characters / 4 approximates tokens, counted as tools/bench/run.sh toolsize counts them: the JSON a client
        // decodes, without nulls or \u escapes. A client pays for the whole list in every conversation; the ceilings
        // keep growth deliberate. 11,300 -> 6,000 when output schemas were cut to a result's top level (issue 14).
        var tokens = tools.ToDictionary(t => t.Name, t => JsonSerializer.Serialize(t.ProtocolTool, AsDecoded).Length / 4);
        Assert.InRange(tokens.Values.Sum(), 1, 6_000);
        Assert.All(tokens, t => Assert.True(t.Value <= 400, $"{t.Key} costs {t.Value} tokens"));
        // Tight descriptions: a sentence for a tool, a clause for a parameter.
        Assert.All(tools, t => Assert.True(t.Description.Length <= 200, $"{t.Name}'s description has {t.Description.Length} characters"));
        var parameters = tools.SelectMany(t => t.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => (Tool: t.Name, p.Name, p.Value))).ToList();
        Assert.NotEmpty(parameters);
        Assert.All(parameters, p => Assert.True(
            !p.Value.TryGetProperty("description", out var d) || d.GetString()!.Length <= 160,
            $"{p.Tool}.{p.Name}'s description is longer than 160 characters"));
    }

    [Fact]
    public async Task Output_schemas_describe_the_top_level_of_a_result_and_nothing_twice()
    {
        await using var server = await InProcessServer.StartAsync();
        foreach (var tool in (await server.Client.ListToolsAsync()).Select(t => t.ProtocolTool))
        {
            var schema = tool.OutputSchema!.Value;
            Assert.Equal("object", schema.GetProperty("type").GetString());
            var properties = schema.GetProperty("properties");
            Assert.NotEmpty(properties.EnumerateObject());
            // Every property keeps its type (with "null" where it may be null) and stays required where it was.
            Assert.True(schema.TryGetProperty("required", out var required), $"{tool.Name} lost its required list");
            Assert.All(required.EnumerateArray(), r => Assert.True(properties.TryGetProperty(r.GetString()!, out _), $"{tool.Name} requires an unknown {r}"));
            foreach (var property in properties.EnumerateObject())
            {
                var where = $"{tool.Name}.{property.Name}";
                Assert.True(property.Value.TryGetProperty("type", out _), $"{where} has no type");
                // No nested shapes, references, descriptions or defaults: what a name says is not said again.
                Assert.All(property.Value.EnumerateObject(), k => Assert.True(k.Name is "type" or "enum" or "format", $"{where} carries '{k.Name}'"));
            }
            // The title is said once, as the tool's title; the annotations keep only the hints.
            Assert.Null(tool.Annotations!.Title);
            Assert.NotNull(tool.Title);
        }
    }

    [Fact]
    public async Task Input_schemas_say_no_default_of_null()
    {
        await using var server = await InProcessServer.StartAsync();
        var arguments = (await server.Client.ListToolsAsync())
            .SelectMany(t => t.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => (Tool: t.Name, p.Name, p.Value)))
            .ToList();
        Assert.Contains(arguments, a => a.Value.TryGetProperty("default", out _));
        Assert.All(arguments, a => Assert.False(
            a.Value.TryGetProperty("default", out var value) && value.ValueKind == JsonValueKind.Null, $"{a.Tool}.{a.Name} says default: null"));
    }

    private static readonly JsonSerializerOptions AsDecoded = new(McpJsonUtilities.DefaultOptions) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex ToolName();
}
