using System.Text.Json;
using Kiro.Mcp.Server.Protocol;

namespace Kiro.Mcp.Server.Tests.Protocol;

public class ToolListTrimmingTests
{
    // The shape the SDK builds for hook_list: a nested object, a nullable one, and a reference into the first.
    private const string HookList = """
        {"type":"object","description":"d","properties":{
          "hooks":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},
            "findings":{"type":"array","items":{"type":"object","properties":{"line":{"type":"integer"}},"required":["line"]}}},"required":["name","findings"]}},
          "findings":{"type":"array","items":{"$ref":"#/properties/hooks/items/properties/findings/items"}},
          "lastRun":{"type":["object","null"],"properties":{"at":{"type":"string","format":"date-time"}}},
          "at":{"type":["string","null"],"format":"date-time","description":"When."},
          "outcome":{"type":"string","enum":["created","kept"]},
          "folders":{"type":"array","items":{"type":["string","null"]}},
          "shared":{"$ref":"#/properties/folders"}},
        "required":["hooks","findings","lastRun","at","outcome","folders","shared"]}
        """;

    [Fact]
    public void An_output_schema_keeps_its_top_level_exactly_and_nested_shapes_by_kind()
    {
        var trimmed = ToolListTrimming.TrimOutput(Parse(HookList));

        Assert.Equal(Compact("""
            {"type":"object","properties":{
              "hooks":{"type":"array"},
              "findings":{"type":"array"},
              "lastRun":{"type":["object","null"]},
              "at":{"type":["string","null"],"format":"date-time"},
              "outcome":{"type":"string","enum":["created","kept"]},
              "folders":{"type":"array"},
              "shared":{"type":"array"}},
            "required":["hooks","findings","lastRun","at","outcome","folders","shared"]}
            """), trimmed.GetRawText());
    }

    [Fact]
    public void A_reference_that_leads_nowhere_or_in_a_circle_leaves_an_open_property()
    {
        var trimmed = ToolListTrimming.TrimOutput(Parse("""
            {"type":"object","properties":{"a":{"$ref":"#/properties/b"},"b":{"$ref":"#/properties/a"},"c":{"$ref":"#/nowhere"},"d":{"$ref":"https://example.com/x"}}}
            """));

        Assert.Equal("""{"type":"object","properties":{"a":{},"b":{},"c":{},"d":{}}}""", trimmed.GetRawText());
    }

    [Fact]
    public void A_read_only_tool_loses_the_hints_the_protocol_reads_only_for_tools_that_write()
    {
        var reader = new ModelContextProtocol.Protocol.Tool
        {
            Name = "r", InputSchema = Parse("""{"type":"object"}"""),
            Annotations = new() { ReadOnlyHint = true, IdempotentHint = true, DestructiveHint = false, OpenWorldHint = false },
        };
        var writer = new ModelContextProtocol.Protocol.Tool
        {
            Name = "w", InputSchema = Parse("""{"type":"object"}"""),
            Annotations = new() { ReadOnlyHint = false, IdempotentHint = true, DestructiveHint = false, OpenWorldHint = false },
        };

        ToolListTrimming.Trim(reader);
        ToolListTrimming.Trim(writer);

        Assert.Equal((true, null, null, false), (reader.Annotations.ReadOnlyHint, reader.Annotations.IdempotentHint, reader.Annotations.DestructiveHint, reader.Annotations.OpenWorldHint));
        Assert.Equal((null, true, false, false), (writer.Annotations.ReadOnlyHint, writer.Annotations.IdempotentHint, writer.Annotations.DestructiveHint, writer.Annotations.OpenWorldHint));
    }

    [Fact]
    public void An_input_schema_loses_only_its_defaults_of_null()
    {
        var trimmed = ToolListTrimming.TrimInput(Parse("""
            {"type":"object","properties":{"cursor":{"description":"nextCursor of the previous page.","type":["string","null"],"default":null},"quick":{"type":"boolean","default":false}},"required":["quick"]}
            """));

        Assert.Equal(
            """{"type":"object","properties":{"cursor":{"description":"nextCursor of the previous page.","type":["string","null"]},"quick":{"type":"boolean","default":false}},"required":["quick"]}""",
            trimmed.GetRawText());
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Compact(string json) => JsonSerializer.Serialize(Parse(json));
}
