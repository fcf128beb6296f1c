
namespace Kiro.Mcp.Server.Dashboard;

/// <summary>The dashboard's stylesheet and script, embedded in the server: no CDN, no files beside the binary.</summary>
public static class DashboardAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
    };

    public static IResult Serve(string name)
    {
        if (!Types.TryGetValue(name, out var type) || typeof(DashboardAssets).Assembly.GetManifestResourceStream("Kiro.Mcp.Server.Dashboard.Assets." + name) is not { } stream)
        {
            return Results.NotFound();
        }
        return Results.Stream(stream, type);
    }
}
