using Kiro.Mcp.Server.Hosting;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// Refuses browser requests from foreign origins (DNS-rebinding and cross-site requests to a local
/// server). Native clients send no Origin header and pass; a page served over http(s) from loopback
/// (or from the address the server listens on) passes.
/// </summary>
/// <remarks>
/// Decided deliberately (docs/http-security.md): <c>Origin: null</c> is what browsers send from sandboxed
/// iframes, <c>data:</c> URLs and redirects across origins, and <c>file://</c> is a page the user opened from
/// disk, e.g. a downloaded attachment. Neither is a page we served or trust, so both are refused, as is any
/// Origin that is not an http(s) URL, an empty Origin header and several Origin headers.
/// </remarks>
public sealed class OriginCheckMiddleware(RequestDelegate next, string listenHost)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue("Origin", out var values))
        {
            return next(context);
        }
        var origin = values.Count == 1 ? values[0] ?? "" : "";
        if (IsAllowed(origin))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        // The value is not echoed: it is attacker-chosen text.
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("This Origin is not allowed: only pages served from loopback (or the address the server listens on) over http(s) may call this server.");
    }

    private bool IsAllowed(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0
        && (uri.IsLoopback || CommandLine.IsLoopback(uri.Host) || uri.Host.Equals(listenHost, StringComparison.OrdinalIgnoreCase));
}
