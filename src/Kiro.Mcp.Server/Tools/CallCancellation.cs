using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// Says in the log when a tool call starts and how it ends, and in particular when it stopped because
/// the client cancelled it (<c>notifications/cancelled</c>) or went away: the SDK cancels the request's
/// token, the domain loops look at it, and the work stops instead of running on for nobody.
/// </summary>
public static class CancellationLog
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Tools(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var logger = context.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(CancellationLog).FullName!);
            var tool = context.Params?.Name ?? "?";
            logger?.LogDebug("Tool {Tool} started", tool);
            try
            {
                var result = await next(context, cancellationToken);
                logger?.LogDebug("Tool {Tool} completed", tool);
                return result;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                logger?.LogInformation("Tool {Tool} stopped: the client cancelled it", tool);
                throw;
            }
        };
}
