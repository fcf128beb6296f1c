using Kiro.Mcp.Workspace;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// Where a <see cref="KiroException"/> becomes protocol: a tool error whose text is the exception's
/// message (so the model reads exactly what to do), or a resource-not-found error. Any other exception
/// stays the SDK's generic error: details are logged, not shown.
/// </summary>
public static class ErrorFilters
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Tools(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            try
            {
                return await next(context, cancellationToken);
            }
            catch (KiroException e)
            {
                return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = $"[{e.Code}] {e.Message}" }] };
            }
        };

    public static McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> Resources(McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> next) =>
        async (context, cancellationToken) =>
        {
            try
            {
                return await next(context, cancellationToken);
            }
            catch (KiroException e)
            {
                throw new McpProtocolException($"[{e.Code}] {e.Message}", McpErrorCode.ResourceNotFound);
            }
        };
}
