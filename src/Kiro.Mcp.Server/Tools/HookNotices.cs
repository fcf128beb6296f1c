using Kiro.Mcp.Hooks.Service;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// Hands agent hooks' prompts to the assistant: each waiting prompt is appended to the result of the
/// next tool call as a "[hook]" text block, once. MCP has no way to start a turn of the assistant,
/// so its own next tool call is the earliest moment it reads anything from us.
/// </summary>
public static class HookNotices
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Tools(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            if (context.Services?.GetService<HookService>() is not { } hooks)
            {
                return result;
            }
            var prompts = hooks.Pending.TakeAll();
            if (prompts.Count > 0)
            {
                result.Content = [.. result.Content, .. prompts.Select(p => new TextContentBlock { Text = p.Notice })];
            }
            return result;
        };
}
