using System.Text.Json;
using System.Text.RegularExpressions;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using Microsoft.Playwright;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// MCP Apps (the io.modelcontextprotocol/ui extension): spec_status, spec_trace and task_plan link a ui:// view that
/// the server serves as one self-contained HTML page; in Chromium, inside a host page built on ext-apps' own host side
/// (AppBridge), the views draw real results of the real server, and an approval made in the view lands on it.
/// </summary>
public partial class McpAppTests
{
    private const string MimeType = "text/html;profile=mcp-app";

    private static readonly Dictionary<string, string> Views = new(StringComparer.Ordinal)
    {
        ["spec_status"] = "ui://kiro/status",
        ["spec_trace"] = "ui://kiro/trace",
        ["task_plan"] = "ui://kiro/plan",
    };

    [Theory]
    [InlineData(Transport.Stdio)]
    [InlineData(Transport.Http)]
    public async Task Three_tools_link_a_view_and_each_view_is_a_self_contained_app(Transport transport)
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root);

        var linked = (await server.Client.ListToolsAsync())
            .Where(t => t.ProtocolTool.Meta?["ui"]?["resourceUri"] is not null)
            .ToDictionary(t => t.Name, t => t.ProtocolTool.Meta!["ui"]!["resourceUri"]!.GetValue<string>());
        Assert.Equal(Views.OrderBy(v => v.Key), linked.OrderBy(v => v.Key));

        var listed = await server.Client.ListResourcesAsync();
        foreach (var uri in Views.Values)
        {
            Assert.Equal(MimeType, Assert.Single(listed, r => r.Uri == uri).MimeType);
            var read = await server.Client.ReadResourceAsync(uri);
            var html = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
            Assert.Equal(uri, html.Uri);
            Assert.Equal(MimeType, html.MimeType);
            AssertSelfContained(html.Text);
        }
    }

    /// <summary>
    /// A host loads the view into a sandboxed frame that may reach no origin: everything is inline, nothing loads
    /// from elsewhere. (The bundled libraries keep JSON Schema identifiers such as "https://json-schema.org/…" as
    /// strings; they are names, never fetched, which the browser test checks by watching the frame's requests.)
    /// </summary>
    private static void AssertSelfContained(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<script>", html, StringComparison.Ordinal);
        Assert.True(html.Length > 10_000, "the bundle (ext-apps and the views) is inline");
        Assert.Empty(ExternalLoads().Matches(html).Select(m => m.Value));
    }

    /// <summary>
    /// Anything that would make the page load another file: a src or href, a stylesheet link, a CSS url() or @import, an
    /// import of a URL. (JavaScript's <c>new URL("https://…")</c> only parses one: the bundled JSON Schema validator names its base so.)
    /// </summary>
    [GeneratedRegex("""<script[^>]*\ssrc\s*=|<link\b|\s(?:src|href)\s*=\s*["']?(?:https?:)?//|(?<!new\s)url\(\s*["']?(?:https?:)?//|@import|\bimport\s*\(?\s*["'](?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalLoads();

    [Fact]
    public async Task In_a_host_page_the_views_draw_real_results_and_an_approval_made_there_lands()
    {
        using var workspace = new TempWorkspace();
        CopySampleWorkspace(workspace);
        // The host's own MCP client: it confirms an approval when the server asks (elicitation), as a host's dialog would.
        var asked = new List<string>();
        var options = ServerConnection.DesktopClient("apps-host");
        options.Capabilities = new ClientCapabilities { Elicitation = new ElicitationCapability { Form = new FormElicitationCapability() } };
        options.Handlers.ElicitationHandler = (request, _) =>
        {
            lock (asked)
            {
                asked.Add(request!.Message);
            }
            return ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["approve"] = JsonSerializer.SerializeToElement(true) } });
        };
        await using var server = await ServerConnection.StartAsync(Transport.Http, workspace.Root, options);
        await server.CallOkAsync("spec_create", new { name = "planned", quick = true });
        await server.CallOkAsync("spec_write", new { spec = "planned", document = "requirements", content = WorkoutSpec.Requirements });
        await server.CallOkAsync("spec_write", new { spec = "planned", document = "design", content = WorkoutSpec.Design });
        await server.CallOkAsync("spec_write", new
        {
            spec = "planned", document = "tasks",
            content = "# Implementation Plan\n\n- [ ] 1. Storage\n  - _Requirements: 1.1_\n\n- [ ] 2. History\n  - _Requirements: 2.1_\n  - _Depends: 1_\n\n- [ ] 3. Docs\n  - _Requirements: 2.1_\n",
        });

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 900, Height = 700 } });
        var requests = new List<string>();
        page.Request += (_, request) => { lock (requests) { requests.Add(request.Url); } };
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>Test host</title></head><body></body></html>");
        await page.AddScriptTagAsync(new() { Path = AppBridgeBundle });
        // The view's calls to server tools go through the host, here to the host's MCP client on the real server.
        await page.ExposeFunctionAsync("hostCallTool", async (string request) =>
        {
            var call = JsonSerializer.Deserialize<CallToolRequestParams>(request, McpJsonUtilities.DefaultOptions)!;
            var arguments = call.Arguments?.ToDictionary(a => a.Key, a => (object?)a.Value);
            var result = await server.Client.CallToolAsync(call.Name, arguments);
            return JsonSerializer.Serialize(result, McpJsonUtilities.DefaultOptions);
        });

        var status = await ShowAsync(page, server, "spec_status", new { spec = DashboardSpec });
        Assert.Equal(DashboardSpec, await status.Locator("h1").InnerTextAsync());
        Assert.Contains("requirements", await status.Locator(".phase").InnerTextAsync());
        Assert.Equal("none", await status.Locator("tr[data-document=requirements] .approval").InnerTextAsync());
        Assert.Contains("0 of 0 tasks done", await status.Locator(".progress").InnerTextAsync());
        await Browser.ScreenshotAsync(page, "app-status");

        var trace = await ShowAsync(page, server, "spec_trace", new { spec = "planned" });
        Assert.Equal(["1.2"], await trace.Locator("tr.uncovered th").AllInnerTextsAsync());
        Assert.Contains("Storage", await trace.Locator("tr").Filter(new() { HasText = "1.1" }).InnerTextAsync());
        await Browser.ScreenshotAsync(page, "app-trace");

        var plan = await ShowAsync(page, server, "task_plan", new { spec = "planned" });
        Assert.Equal(["Wave 1", "Wave 2"], await plan.Locator(".wave h3").AllInnerTextsAsync());
        Assert.Equal(["task 1", "task 2"], await plan.Locator(".wave li.critical").AllInnerTextsAsync());
        await Browser.ScreenshotAsync(page, "app-plan");

        // Approve from the status card: spec_approve through the host, confirmed by the user, recorded by the server.
        status = await ShowAsync(page, server, "spec_status", new { spec = DashboardSpec });
        await status.GetByRole(AriaRole.Button, new() { Name = "Approve requirements.md" }).ClickAsync();
        await status.Locator(".notice").WaitForAsync();
        Assert.Equal("Approved requirements.md.", await status.Locator(".notice").InnerTextAsync());
        Assert.Equal("approved", await status.Locator("tr[data-document=requirements] .approval").InnerTextAsync());
        await Browser.ScreenshotAsync(page, "app-status-approved");
        lock (asked)
        {
            Assert.Contains("requirements.md", Assert.Single(asked));
        }
        var recorded = await server.CallOkAsync("spec_status", new { spec = DashboardSpec });
        Assert.Equal("approved", recorded.GetProperty("documents")[0].GetProperty("approval").GetString());

        // Nothing but the host page itself was loaded: the view fetched nothing at run time.
        lock (requests)
        {
            Assert.DoesNotContain(requests, url => url.StartsWith("http", StringComparison.OrdinalIgnoreCase));
        }
    }

    private const string DashboardSpec = "workout-logging";

    /// <summary>ext-apps' host side, bundled beside the server's views by src/Kiro.Mcp.Server/Web/build.mjs (for tests only).</summary>
    private static string AppBridgeBundle => Path.Combine(ServerBinary.RepositoryRoot, "src", "Kiro.Mcp.Server", "Web", "dist", "test-host", "app-bridge.js");

    /// <summary>
    /// What a host does: calls the tool, sees its ui:// view in tools/list, reads the view, loads it into a sandboxed
    /// frame (no same-origin: it cannot touch the host), connects the bridge, then hands it the input and the result.
    /// </summary>
    private static async Task<IFrameLocator> ShowAsync(IPage page, ServerConnection server, string tool, object arguments)
    {
        var result = await server.CallOkResultAsync(tool, arguments);
        var uri = (await server.Client.ListToolsAsync()).Single(t => t.Name == tool).ProtocolTool.Meta!["ui"]!["resourceUri"]!.GetValue<string>();
        var html = ((TextResourceContents)(await server.Client.ReadResourceAsync(uri)).Contents.Single()).Text;
        var id = "view-" + tool.Replace('_', '-');
        await page.EvaluateAsync("""
            async ({ id, html, args, result }) => {
              document.querySelectorAll("iframe").forEach((f) => f.remove());
              const frame = document.createElement("iframe");
              frame.id = id;
              frame.title = id;
              frame.setAttribute("sandbox", "allow-scripts");
              frame.style.cssText = "width: 860px; height: 520px; border: 1px solid #888; display: block";
              document.body.append(frame);
              const { AppBridge, PostMessageTransport } = window.KiroTestHost;
              const bridge = new AppBridge(null, { name: "kiro-test-host", version: "1.0.0" }, { serverTools: {} });
              bridge.oncalltool = async (params) => JSON.parse(await window.hostCallTool(JSON.stringify(params)));
              const initialized = new Promise((resolve) => { bridge.oninitialized = resolve; });
              await bridge.connect(new PostMessageTransport(frame.contentWindow, frame.contentWindow));
              frame.srcdoc = html;
              await initialized;
              await bridge.sendToolInput({ arguments: JSON.parse(args) });
              await bridge.sendToolResult(JSON.parse(result));
            }
            """, new
        {
            id,
            html,
            args = JsonSerializer.Serialize(arguments),
            result = JsonSerializer.Serialize(result, McpJsonUtilities.DefaultOptions),
        });
        var frame = page.FrameLocator("#" + id);
        await frame.Locator("h1").WaitForAsync();
        return frame;
    }

    private static void CopySampleWorkspace(TempWorkspace workspace)
    {
        var sample = Path.Combine(ServerBinary.RepositoryRoot, "docs", "sample-workspace");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            workspace.Write(Path.GetRelativePath(sample, file).Replace('\\', '/'), File.ReadAllText(file));
        }
    }
}
