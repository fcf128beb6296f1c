using Microsoft.Playwright;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// Headless Chromium driven by Playwright: Debian's chromium package (what .ci/run installs), since Playwright's own
/// browser download cannot work here. Where it is missing the browser tests are skipped and say why.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    /// <summary>Where the browser is: KIRO_MCP_CHROMIUM, else Debian's path.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("KIRO_MCP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Screenshots, kept as test artifacts beside the test results.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static async Task<Browser> LaunchAsync()
    {
        Assert.SkipUnless(File.Exists(ExecutablePath), $"Chromium is not installed at {ExecutablePath} (.ci/run installs Debian's chromium; or set KIRO_MCP_CHROMIUM).");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // As root in a container there is no sandbox; the rest keeps Chromium off a network this machine does not have.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return new Browser(playwright, chromium);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async Task<IPage> OpenAsync(Uri url)
    {
        var page = await Chromium.NewPageAsync();
        await page.GotoAsync(url.ToString());
        return page;
    }

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        var file = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
