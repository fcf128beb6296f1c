using Kiro.Mcp.Server.Hosting;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// Refuses browser requests from foreign origins (DNS-rebinding and cross-site requests to a local
/// server). Native clients send no Origin header and pass; a page served from loopback passes.
/// </summary>
public sealed class OriginCheckMiddleware(RequestDelegate next, string listenHost)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsAllowed(origin))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync($"Origin '{origin}' is not allowed.");
    }

    private bool IsAllowed(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || CommandLine.IsLoopback(uri.Host) || uri.Host.Equals(listenHost, StringComparison.OrdinalIgnoreCase));
}
