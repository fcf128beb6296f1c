using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// /mcp/NAME: an endpoint for one workspace. An unregistered NAME is answered 404 with the registered names
/// before the SDK sees the request; a session (or, stateless, a request) that came through the endpoint has
/// every message marked with its workspace, so no argument or address can reach another one.
/// </summary>
public sealed class WorkspaceEndpoint(RequestDelegate next, WorkspaceCatalog catalog)
{
    public const string RouteValue = "workspace";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetRouteValue(RouteValue) is not string name)
        {
            return next(context);
        }
        try
        {
            catalog.Resolve(name);
        }
        catch (KiroException e)
        {
            return JsonRpcErrorResponse.WriteAsync(context, StatusCodes.Status404NotFound, JsonRpcErrorResponse.InvalidRequest, $"[{e.Code}] {e.Message}");
        }
        return next(context);
    }

    /// <summary>The SDK's per-session (stateless: per-request) hook: pins the endpoint's workspace and tells the assistant about that one only.</summary>
    public static Task ConfigureSessionAsync(HttpContext context, McpServerOptions options, CancellationToken cancellationToken)
    {
        if (context.GetRouteValue(RouteValue) is string name)
        {
            options.Filters.Message.IncomingFilters.Insert(0, WorkspaceSelector.Pin(name));
            var services = context.RequestServices;
            options.ServerInstructions = ServerInstructions.For(
                services.GetRequiredService<WorkspaceCatalog>(), services.GetRequiredService<TrustList>(), services.GetRequiredService<ServerSettings>(), name);
        }
        return Task.CompletedTask;
    }
}
