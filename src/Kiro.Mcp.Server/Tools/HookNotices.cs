using System.Text.Json;
using System.Text.Json.Nodes;
using Kiro.Mcp.Hooks.Execution;
using Kiro.Mcp.Hooks.Service;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// Hands agent hooks' prompts to the assistant: each prompt waiting for this caller's session is
/// appended to the result of its next tool call as a "[hook]" text block, once. MCP has no way to
/// start a turn of the assistant, so its own next tool call is the earliest moment it reads anything
/// from us. Around the call, the caller is made known to the hooks: as the origin of the events the
/// call fires, and, for a tool that writes, as the writer of the files it saves.
/// </summary>
public static class HookNotices
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Tools(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.Services?.GetService<HookService>() is not { } hooks || context.Services.GetService<HookAccess>() is not { } access)
            {
                return await next(context, cancellationToken);
            }
            var caller = HookCaller.Of(context.Server, context.User, access);
            hooks.Pending.Saw(caller);
            CallToolResult result;
            using (HookOrigin.Enter(caller))
            using (Writes(context) ? hooks.Writers.Writing(caller) : null)
            {
                result = await next(context, cancellationToken);
            }
            var prompts = hooks.Pending.Take(caller);
            if (prompts.Count > 0)
            {
                result.Content = [.. result.Content, .. prompts.Select(p => new TextContentBlock { Text = p.Notice })];
                result.StructuredContent = WithPrompts(result.StructuredContent, prompts);
            }
            return result;
        };

    /// <summary>Whether the tool may write files: every tool not marked read-only, or an unknown one.</summary>
    private static bool Writes(RequestContext<CallToolRequestParams> context) =>
        (context.MatchedPrimitive as McpServerTool)?.ProtocolTool.Annotations?.ReadOnlyHint != true;

    /// <summary>
    /// The prompts also go into the structured result as "hookPrompts", since some clients show the model
    /// only structured content. Output schemas allow extra properties, so the result stays valid.
    /// </summary>
    private static JsonElement? WithPrompts(JsonElement? structured, IReadOnlyList<PendingPrompt> prompts)
    {
        if (structured is not { ValueKind: JsonValueKind.Object } value || JsonNode.Parse(value.GetRawText()) is not JsonObject node)
        {
            return structured;
        }
        node["hookPrompts"] = new JsonArray([.. prompts.Select(p => (JsonNode)new JsonObject
        {
            ["hook"] = p.Hook,
            ["event"] = p.Event,
            ["prompt"] = p.Prompt,
        })]);
        return KiroJson.Element(node);
    }
}
