using Kiro.Mcp.Server.Resources;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Workspaces;

/// <summary>
/// Where a tool call or a resource read is bound to its workspace (<see cref="WorkspaceSelector"/>): after
/// these filters, the request's services are that workspace's, so the tools and resources themselves
/// never deal with more than one.
/// </summary>
public static class WorkspaceFilters
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Tools(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool || WorkspaceArgument.IsWorkspaceFree(tool))
            {
                return await next(context, cancellationToken);
            }
            var selector = context.Services!.GetRequiredService<WorkspaceSelector>();
            return await selector.RunAsync(context, WorkspaceArgument.Of(context.Params?.Arguments), () => next(context, cancellationToken).AsTask(), cancellationToken);
        };

    public static McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> Resources(McpRequestHandler<ReadResourceRequestParams, ReadResourceResult> next) =>
        async (context, cancellationToken) =>
        {
            // Addresses of other schemes (a test host's fixtures) are not ours to bind.
            if (context.Params?.Uri is not { } uri || !uri.StartsWith(ResourceUris.Scheme, StringComparison.Ordinal))
            {
                return await next(context, cancellationToken);
            }
            var selector = context.Services!.GetRequiredService<WorkspaceSelector>();
            return await selector.RunAsync(context, ResourceUris.WorkspaceOf(uri) ?? "", () => next(context, cancellationToken).AsTask(), cancellationToken);
        };
}
