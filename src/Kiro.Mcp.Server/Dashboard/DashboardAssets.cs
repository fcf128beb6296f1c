using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>The dashboard's stylesheet and scripts, embedded in the server: no CDN, no files beside the binary.</summary>
public static class DashboardAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        // Bundled from npm at build time (Web/Web.targets); only the spec page loads it, and only when it has a diagram.
        ["mermaid.js"] = "text/javascript; charset=utf-8",
    };

    /// <summary>The assets change only with the server: its build's id lets a browser revalidate instead of downloading again.</summary>
    private static readonly EntityTagHeaderValue Version = new($"\"{typeof(DashboardAssets).Assembly.ManifestModule.ModuleVersionId:N}\"");

    public static IResult Serve(string name, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assembly = typeof(DashboardAssets).Assembly;
        if (!Types.TryGetValue(name, out var type))
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = "no-cache";
        if (assembly.GetManifestResourceStream("Kiro.Mcp.Server.Dashboard.Assets." + name) is { } stream)
        {
            return Results.Stream(stream, type, entityTag: Version);
        }
        // Large bundles are embedded gzip-compressed: sent as they are to a browser that takes gzip, inflated for one that does not.
        if (assembly.GetManifestResourceStream("Kiro.Mcp.Server.Dashboard.Assets." + name + ".gz") is not { } compressed)
        {
            return Results.NotFound();
        }
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (context.Request.GetTypedHeaders().AcceptEncoding.Any(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0))
        {
            context.Response.Headers.ContentEncoding = "gzip";
            return Results.Stream(compressed, type, entityTag: Version);
        }
        return Results.Stream(new GZipStream(compressed, CompressionMode.Decompress), type, entityTag: Version);
    }
}
