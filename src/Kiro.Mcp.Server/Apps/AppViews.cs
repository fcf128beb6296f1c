using System.IO.Compression;

namespace Kiro.Mcp.Server.Apps;

/// <summary>
/// The MCP Apps views (the io.modelcontextprotocol/ui extension): spec_status, spec_trace and task_plan name a
/// ui:// resource in their tool <c>_meta</c>, and a host that renders apps shows it beside the result. One page
/// (Web/src/apps, bundled with @modelcontextprotocol/ext-apps at build time) draws all three, by the result it is
/// handed; each tool still has its own address, as hosts key views by it. Hosts without the extension ignore the
/// <c>_meta</c> and get the results as before.
/// </summary>
public static class AppViews
{
    /// <summary>The extension's media type for a view.</summary>
    public const string MimeType = "text/html;profile=mcp-app";

    public const string Status = "ui://kiro/status";

    public const string Trace = "ui://kiro/trace";

    public const string Plan = "ui://kiro/plan";

    // The tools' _meta "ui" values, set by hand (the SDK's Apps package is not served here): the nested form hosts
    // read first. Constants, since attributes carry them.
    public const string StatusMeta = $$"""{"resourceUri":"{{Status}}"}""";

    public const string TraceMeta = $$"""{"resourceUri":"{{Trace}}"}""";

    public const string PlanMeta = $$"""{"resourceUri":"{{Plan}}"}""";

    private static readonly Lazy<string> Page = new(Load);

    /// <summary>The self-contained page: script and style inline, nothing loaded from anywhere.</summary>
    public static string Html => Page.Value;

    /// <summary>Embedded gzip-compressed by Web.targets (about a quarter of the size), inflated once.</summary>
    private static string Load()
    {
        using var stream = typeof(AppViews).Assembly.GetManifestResourceStream("Kiro.Mcp.Server.Apps.spec-views.html.gz")
            ?? throw new InvalidOperationException("The app views were not embedded: build the server with Node.js and npm installed (src/Kiro.Mcp.Server/Web).");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}
