using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Workspaces;

/// <summary>
/// The optional <c>workspace</c> argument, added to every workspace-bound tool's input schema in one place
/// rather than declared by each of them, since no tool body uses it: <see cref="WorkspaceFilters"/> reads it
/// and gives the tool that workspace's services.
/// </summary>
public static class WorkspaceArgument
{
    /// <summary>For prompts' arguments. A tool's <c>workspace</c> carries none: workspace_list's description and the server's
    /// instructions say where names come from, and 27 copies of a sentence cost a client about 280 tokens in every conversation.</summary>
    public const string Description = "Name from workspace_list.";

    public static void AddTo(McpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A ListedTool is served from Tools/ToolList.json, which has it already (ToolList); asking whether it is
        // workspace-free would build it.
        foreach (var tool in (options.ToolCollection ?? []).Where(t => t is not Tools.ListedTool))
        {
            // Options are built per session (per request on stateless HTTP), the tools once: add it once.
            if (!IsWorkspaceFree(tool) && !Declares(tool.ProtocolTool.InputSchema) && JsonNode.Parse(tool.ProtocolTool.InputSchema.GetRawText()) is JsonObject schema)
            {
                if (schema["properties"] is not JsonObject properties)
                {
                    properties = [];
                    schema["properties"] = properties;
                }
                properties[WorkspaceSelector.Argument] = new JsonObject { ["type"] = "string" };
                tool.ProtocolTool.InputSchema = JsonSerializer.SerializeToElement(schema, Tools.KiroJsonContext.Default.JsonObject);
            }
        }
    }

    private static bool Declares(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(WorkspaceSelector.Argument, out _);

    public static bool IsWorkspaceFree(McpServerTool tool) => tool.Metadata.OfType<WorkspaceFreeAttribute>().Any();

    /// <summary>The <c>workspace</c> a tool call names, or null (the schema check has already refused a non-string).</summary>
    public static string? Of(IDictionary<string, JsonElement>? arguments) =>
        arguments is not null && arguments.TryGetValue(WorkspaceSelector.Argument, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
