using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// Kiro's design documents carry mermaid diagrams: the dashboard's spec page draws them with the mermaid bundled into
/// the server at build time (src/Kiro.Mcp.Server/Web), in real headless Chromium, loading nothing from elsewhere.
/// </summary>
public class DashboardDiagramTests
{
    private const string Design = """
        # Design Document

        ## Overview

        Workouts are stored as JSON files.

        ## Architecture

        ```mermaid
        flowchart LR
            Form[Workout form] --> Log[Workout_Log]
            Log --> Store[(workouts.json)]
        ```

        ## Components and Interfaces

        ```mermaid
        sequenceDiagram
            User->>Workout_Log: submit(workout)
            Workout_Log-->>User: stored
        ```
        """;

    [Fact]
    public async Task Mermaid_diagrams_in_a_design_are_drawn_as_svg()
    {
        using var workspace = new TempWorkspace();
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
        try
        {
            await using (var assistant = await ServerConnection.AttachHttpAsync(endpoint, "assistant"))
            {
                await assistant.CallOkAsync("spec_create", new { name = "drawn", quick = true });
                await assistant.CallOkAsync("spec_write", new { spec = "drawn", document = "requirements", content = WorkoutSpec.Requirements });
                await assistant.CallOkAsync("spec_write", new { spec = "drawn", document = "design", content = Design });
            }
            await using var browser = await Browser.LaunchAsync();
            var page = await browser.Chromium.NewPageAsync();
            var requests = new List<string>();
            page.Request += (_, request) => { lock (requests) { requests.Add(request.Url); } };
            await page.GotoAsync(new Uri(endpoint, $"/w/{Path.GetFileName(workspace.Root)}/specs/drawn").ToString());

            var flowchart = page.Locator("#document-design pre.mermaid svg").First;
            await flowchart.WaitForAsync();
            Assert.Contains("Workout form", await flowchart.TextContentAsync());
            Assert.Equal(3, await flowchart.Locator(".node").CountAsync());
            // The usual kinds of Kiro's designs still draw with the parts the bundle leaves out (ELK, KaTeX).
            var sequence = page.Locator("#document-design pre.mermaid svg").Nth(1);
            await sequence.WaitForAsync();
            Assert.Contains("submit(workout)", await sequence.TextContentAsync());
            await Browser.ScreenshotAsync(page, "dashboard-diagram");
            // The page and its own assets only: no CDN.
            lock (requests)
            {
                Assert.All(requests, url => Assert.StartsWith(new Uri(endpoint, "/").ToString(), url, StringComparison.Ordinal));
            }
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }
}
