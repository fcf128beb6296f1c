using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// When a tool call stops early, and says so in the log: the client cancelled it (<c>notifications/cancelled</c>) or
/// went away, or the server is stopping (SIGTERM from docker stop, systemd or Ctrl+C). Either way the call's token is
/// cancelled, the domain loops look at it, and a running verification or hook command has its process tree killed.
/// Without the server's own stop, the host would wait for a call running `dotnet test` (30 s by default) while its
/// supervisor kills the server after its grace period, and the command with it or, worse, not.
/// </summary>
public static class CallCancellation
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Tools(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, clientCancelled) =>
        {
            var logger = context.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(CallCancellation).FullName!);
            var stopping = context.Services?.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
            using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(clientCancelled, stopping);
            var tool = context.Params?.Name ?? "?";
            logger?.LogDebug("Tool {Tool} started", tool);
            try
            {
                var result = await next(context, cancelled.Token);
                logger?.LogDebug("Tool {Tool} completed", tool);
                return result;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The client may still be there: it is told, so the assistant does not take silence for an answer.
                // (Over stdio the SDK cancels the call's own token too when the server stops, hence this test first.)
                logger?.LogInformation("Tool {Tool} stopped: the server is stopping", tool);
                return new CallToolResult
                {
                    IsError = true,
                    Content = [new TextContentBlock { Text = $"[server_stopping] The server is stopping, so {tool} was stopped before it finished: what it had already written stays (each file is written whole or not at all). Once the server is back, look at the state (spec_status) before calling it again." }],
                };
            }
            catch (OperationCanceledException) when (clientCancelled.IsCancellationRequested)
            {
                logger?.LogInformation("Tool {Tool} stopped: the client cancelled it", tool);
                throw;
            }
        };
}
