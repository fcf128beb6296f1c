using Kiro.Mcp.EndToEnd.Tests.Harness;
using Microsoft.Playwright;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// The task board, steering and hook-run pages in real headless Chromium against the real HTTP server, on a workspace the
/// test builds through MCP: a spec with dependencies and a completed task run (commit, file, verification), steering
/// documents with each inclusion mode, and a hook run.
/// </summary>
public class DashboardPagesTests
{
    private const string Tasks = "# Implementation Plan\n\n- [ ] 1. Storage\n  - _Requirements: 1.1_\n\n- [ ] 2. History\n  - _Requirements: 2.1_\n  - _Depends: 1_\n\n"
        + "- [ ] 3. Docs\n  - _Requirements: 2.1_\n\n- [ ] 4. Export\n  - _Requirements: 1.2_\n  - _Depends: 2_\n";

    [Fact]
    public async Task The_task_board_draws_a_node_per_task_marks_the_critical_path_and_lists_each_tasks_runs()
    {
        using var workspace = new TempWorkspace();
        Git.Init(workspace.Root);
        workspace.Write(".kiro/settings/kiro-mcp.json", """{"verify": {"command": "test -f src/storage.txt", "timeoutSeconds": 60}}""");
        var (server, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, [ServerConnection.Trust]);
        try
        {
            string commit;
            await using (var assistant = await ServerConnection.AttachHttpAsync(endpoint, "assistant"))
            {
                await assistant.CallOkAsync("spec_create", new { name = "planned", quick = true });
                await assistant.CallOkAsync("spec_write", new { spec = "planned", document = "requirements", content = WorkoutSpec.Requirements });
                await assistant.CallOkAsync("spec_write", new { spec = "planned", document = "design", content = WorkoutSpec.Design });
                await assistant.CallOkAsync("spec_write", new { spec = "planned", document = "tasks", content = Tasks });
                Git.CommitAll(workspace.Root, "spec");
                await assistant.CallOkAsync("task_start", new { spec = "planned", taskId = "1" });
                workspace.Write("src/storage.txt", "storage");
                commit = Git.CommitAll(workspace.Root, "Store workouts");
                var done = await assistant.CallOkAsync("task_complete", new { spec = "planned", taskId = "1", summary = "Workouts are stored." });
                Assert.True(done.GetProperty("completed").GetBoolean());
            }

            await using var browser = await Browser.LaunchAsync();
            var page = await browser.OpenAsync(new Uri(endpoint, $"/w/workspace/specs/planned"));
            await page.GetByRole(AriaRole.Link, new() { Name = "Task board: dependency graph and runs" }).ClickAsync();

            Assert.Equal("Tasks of planned", await page.Locator("h1").InnerTextAsync());
            var graph = page.GetByRole(AriaRole.Img, new() { Name = "Dependency graph of planned" });
            Assert.Equal(["1", "2", "3", "4"], await graph.Locator("g.node").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.task)"));
            // 1 → 2 → 4 is the longest chain: its nodes and both of its arrows are marked; 3 stands alone.
            Assert.Equal(["1", "2", "4"], await graph.Locator("g.node-critical").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.task)"));
            Assert.Equal(["1>2", "2>4"], await graph.Locator("path.edge-critical").EvaluateAllAsync<string[]>("edges => edges.map(e => e.dataset.from + '>' + e.dataset.to).sort()"));
            Assert.Equal(["Wave 1", "Wave 2", "Wave 3"], await graph.Locator(".wave-label").AllTextContentsAsync());
            // Layered by wave: 2 stands right of 1, and 4 right of 2.
            var x = await graph.Locator("g.node rect:first-of-type").EvaluateAllAsync<int[]>("rects => rects.map(r => +r.getAttribute('x'))");
            Assert.True(x[0] < x[1] && x[1] < x[3] && x[2] == x[0], string.Join(",", x));

            var run = page.Locator("#task-1 .run");
            var text = await run.InnerTextAsync();
            Assert.Contains(commit[..7], text);
            Assert.Contains("Store workouts", text);
            Assert.Contains("src/storage.txt", text);
            Assert.Contains("Verification passed", text);
            Assert.Contains("test -f src/storage.txt", text);
            Assert.Contains("Workouts are stored.", text);
            Assert.Contains("No run recorded.", await page.Locator("#task-2").InnerTextAsync());
            await Browser.ScreenshotAsync(page, "dashboard-tasks");

            // Server-rendered: the graph and the runs are there with JavaScript off.
            var context = await browser.Chromium.NewContextAsync(new() { JavaScriptEnabled = false });
            var plain = await context.NewPageAsync();
            await plain.GotoAsync(new Uri(endpoint, "/w/workspace/specs/planned/tasks").ToString());
            Assert.Equal(4, await plain.Locator("svg.task-graph g.node").CountAsync());
            Assert.Contains(commit[..7], await plain.Locator("#task-1").InnerTextAsync());
            await context.DisposeAsync();
        }
        finally
        {
            ServerConnection.Stop(server);
        }
    }

    [Fact]
    public async Task The_steering_page_says_which_documents_apply_to_a_path_and_why()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/steering/tech.md", "---\ninclusion: always\n---\n# Tech\n\nC# 14.\n");
        workspace.Write(".kiro/steering/api.md", "---\ninclusion: fileMatch\nfileMatchPattern: \"src/api/**/*.ts\"\n---\n# API\n\nREST conventions.\n");
        workspace.Write(".kiro/steering/release.md", "---\ninclusion: manual\n---\n# Releases\n");
        workspace.Write("src/web/AGENTS.md", "# Web\n\nUse the design system.\n");
        var (server, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
        try
        {
            await using var browser = await Browser.LaunchAsync();
            var page = await browser.OpenAsync(new Uri(endpoint, "/w/workspace"));
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Workspace pages" }).GetByRole(AriaRole.Link, new() { Name = "Steering" }).ClickAsync();

            Assert.Equal("Steering of workspace", await page.Locator("h1").InnerTextAsync());
            Assert.Contains("Paths matching src/api/**/*.ts (inclusion fileMatch)", await Row(page, "api").InnerTextAsync());
            Assert.Contains("Every path: inclusion always", await Row(page, "tech").InnerTextAsync());
            Assert.Contains("only when asked for by name", await Row(page, "release").InnerTextAsync());
            Assert.Contains("Paths under src/web/", await Row(page, "src/web/AGENTS.md").InnerTextAsync());

            // A GET form: works without script, and the answer has its own address.
            await page.GetByLabel("Which steering applies to a path?").FillAsync("src/api/orders.ts");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show what applies" }).ClickAsync();
            var applied = page.Locator("table.applied tbody tr");
            Assert.Equal(["api", "tech"], (await applied.Locator("th").AllInnerTextsAsync()).Order());
            Assert.Contains("fileMatch 'src/api/**/*.ts' matches src/api/orders.ts", await applied.Filter(new() { HasText = "api" }).InnerTextAsync());
            Assert.Contains("path=src%2Fapi%2Forders.ts", page.Url);
            await Browser.ScreenshotAsync(page, "dashboard-steering");

            await page.GetByLabel("Which steering applies to a path?").FillAsync("../outside.ts");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show what applies" }).ClickAsync();
            Assert.NotEmpty(await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        }
        finally
        {
            ServerConnection.Stop(server);
        }
    }

    [Fact]
    public async Task The_hook_runs_page_shows_the_recorded_runs()
    {
        using var workspace = new TempWorkspace();
        var (server, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, [ServerConnection.Trust]);
        try
        {
            await using (var assistant = await ServerConnection.AttachHttpAsync(endpoint, "assistant"))
            {
                await assistant.CallOkAsync("hook_create", new { name = "Greet", trigger = "Manual", actionType = "command", command = "echo hello from the hook" });
                await assistant.CallOkAsync("hook_run", new { name = "Greet" });
                await assistant.CallOkAsync("hook_create", new { name = "Fail", trigger = "Manual", actionType = "command", command = "exit 3" });
                await assistant.CallOkAsync("hook_run", new { name = "Fail" });
            }
            await using var browser = await Browser.LaunchAsync();
            var page = await browser.OpenAsync(new Uri(endpoint, "/w/workspace/hooks"));

            var rows = page.Locator("tr.hook-run");
            Assert.Equal(["Fail", "Greet"], (await rows.Locator("th").AllInnerTextsAsync()).Select(t => t.Split(' ', '\n')[0]));
            Assert.Contains("failed", await rows.Nth(0).InnerTextAsync());
            Assert.Contains("exit code 3", await rows.Nth(0).InnerTextAsync());
            await rows.Nth(1).GetByText("output").ClickAsync();
            Assert.Contains("hello from the hook", await rows.Nth(1).Locator("pre").InnerTextAsync());
            await Browser.ScreenshotAsync(page, "dashboard-hooks");

            // Live: a run recorded while the page is open appears without a reload (hook history is runtime data the
            // watcher never reports, so the page's stream looks at its file).
            await using (var assistant = await ServerConnection.AttachHttpAsync(endpoint, "assistant"))
            {
                await assistant.CallOkAsync("hook_run", new { name = "Greet" });
            }
            await Poll.UntilAsync(async () => await rows.CountAsync() == 3, "the new hook run to appear without a reload");
            Assert.Equal(["Greet", "Fail", "Greet"], (await rows.Locator("th").AllInnerTextsAsync()).Select(t => t.Split(' ', '\n')[0]));
        }
        finally
        {
            ServerConnection.Stop(server);
        }
    }

    private static ILocator Row(IPage page, string document) =>
        page.Locator("table.steering tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = document, Exact = true }) });
}
