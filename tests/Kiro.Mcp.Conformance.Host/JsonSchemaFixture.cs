using System.Text.Json;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Conformance.Host;

/// <summary>
/// A tool whose input schema uses JSON Schema 2020-12 keywords ($schema, $defs, additionalProperties), for
/// the pending scenario json-schema-2020-12 (SEP-1613): the server must list the schema as written.
/// </summary>
public static class JsonSchemaFixture
{
    public static McpServerTool Create()
    {
        var tool = McpServerTool.Create(
            () => "Schema accepted",
            new McpServerToolCreateOptions { Name = "json_schema_2020_12_tool", Description = "Tool with JSON Schema 2020-12 features" });
        tool.ProtocolTool.InputSchema = JsonElement.Parse("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "$defs": {
                "address": { "type": "object", "properties": { "street": { "type": "string" }, "city": { "type": "string" } } }
              },
              "properties": { "name": { "type": "string" }, "address": { "$ref": "#/$defs/address" } },
              "additionalProperties": false
            }
            """);
        return tool;
    }
}
