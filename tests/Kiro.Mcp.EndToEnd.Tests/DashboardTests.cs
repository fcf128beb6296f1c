using System.Net;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using Microsoft.Playwright;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// The dashboard in real headless Chromium against the real HTTP server on a copy of docs/sample-workspace: pages,
/// live updates from disk, approvals that the assistant then sees over MCP, and the defences of its forms.
/// </summary>
public class DashboardTests
{
    private const string Spec = "workout-logging";

    [Fact]
    public async Task Each_page_renders_the_sample_spec()
    {
        await using var fixture = await DashboardFixture.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(fixture.Root);

        Assert.Equal("Workspaces", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = fixture.Name, Exact = true }).ClickAsync();
        Assert.Equal($"Specs of {fixture.Name}", await page.Locator("h1").InnerTextAsync());
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = Spec });
        Assert.Contains("requirements: none", await row.InnerTextAsync());
        await Browser.ScreenshotAsync(page, "dashboard-specs");

        await page.GetByRole(AriaRole.Link, new() { Name = Spec, Exact = true }).ClickAsync();
        Assert.Equal(Spec, await page.Locator("h1").InnerTextAsync()); // one h1: the documents' headings nest below the page's
        Assert.Equal("Requirements Document", await page.Locator("#document-requirements h4").First.InnerTextAsync());
        Assert.Contains("THE Workout_Log SHALL store it with the current date", await page.Locator("#document-requirements .markdown").InnerTextAsync());
        Assert.Equal(4, await page.Locator(".board .column").CountAsync());
        await Browser.ScreenshotAsync(page, "dashboard-spec");
        Assert.True(new FileInfo(Path.Combine(Browser.Screenshots, "dashboard-spec.png")).Length > 0);
    }

    [Fact]
    public async Task The_board_marks_waves_and_the_critical_path_and_the_trace_highlights_an_uncovered_criterion()
    {
        await using var fixture = await DashboardFixture.StartAsync();
        await using (var assistant = await fixture.ConnectAsync())
        {
            await assistant.CallOkAsync("spec_create", new { name = "planned", quick = true });
            await assistant.CallOkAsync("spec_write", new { spec = "planned", document = "requirements", content = WorkoutSpec.Requirements });
            await assistant.CallOkAsync("spec_write", new { spec = "planned", document = "design", content = WorkoutSpec.Design });
            await assistant.CallOkAsync("spec_write", new
            {
                spec = "planned", document = "tasks",
                content = "# Implementation Plan\n\n- [ ] 1. Storage\n  - _Requirements: 1.1_\n\n- [ ] 2. History\n  - _Requirements: 2.1_\n  - _Depends: 1_\n\n- [ ] 3. Docs\n  - _Requirements: 2.1_\n",
            });
        }
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(new Uri(fixture.Root, $"/w/{fixture.Name}/specs/planned"));

        var critical = page.Locator(".column li.critical .task-id");
        Assert.Equal(["1", "2"], await critical.AllInnerTextsAsync());
        Assert.Contains("wave 2", await page.Locator(".column li").Filter(new() { HasText = "History" }).InnerTextAsync());
        await Browser.ScreenshotAsync(page, "dashboard-board");

        await page.GetByRole(AriaRole.Link, new() { Name = "Trace matrix" }).ClickAsync();
        var uncovered = page.Locator("tr.uncovered th");
        Assert.Equal(["1.2"], await uncovered.AllInnerTextsAsync());
        Assert.Contains("no task", await page.Locator("tr.uncovered").InnerTextAsync());
        await Browser.ScreenshotAsync(page, "dashboard-trace");
    }

    [Fact]
    public async Task A_stale_document_shows_what_changed_since_its_approval()
    {
        await using var fixture = await DashboardFixture.StartAsync();
        Git.Init(fixture.Workspace.Root);
        await using (var assistant = await fixture.ConnectAsync())
        {
            await assistant.CallOkAsync("spec_approve", new { spec = Spec, document = "requirements" });
        }
        Git.CommitAll(fixture.Workspace.Root, "Approved requirements");
        var requirements = fixture.Workspace.PathOf($".kiro/specs/{Spec}/requirements.md");
        File.WriteAllText(requirements, File.ReadAllText(requirements).Replace("20 per page", "50 per page", StringComparison.Ordinal));

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(fixture.SpecPage);
        await page.GetByRole(AriaRole.Link, new() { Name = "What changed since the approval" }).ClickAsync();

        Assert.Contains("20 per page", await page.Locator(".diff .line-deleted").InnerTextAsync());
        Assert.Contains("50 per page", await page.Locator(".diff .line-inserted").InnerTextAsync());
        await Browser.ScreenshotAsync(page, "dashboard-diff");
    }

    [Fact]
    public async Task An_edit_on_disk_appears_without_a_reload()
    {
        await using var fixture = await DashboardFixture.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(fixture.SpecPage);
        await page.WaitForSelectorAsync("body[data-live=on]");
        await page.EvaluateAsync("window.notReloaded = true");

        var requirements = fixture.Workspace.PathOf($".kiro/specs/{Spec}/requirements.md");
        File.AppendAllText(requirements, "\n### Requirement 3: Export\n\n**User Story:** As a lifter, I want to export my log, so that I can keep it.\n");

        await page.GetByText("Requirement 3: Export").WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"));
        await Browser.ScreenshotAsync(page, "dashboard-live-update");
    }

    [Fact]
    public async Task Approving_in_the_page_records_the_approval_that_spec_status_then_shows()
    {
        await using var fixture = await DashboardFixture.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(fixture.SpecPage);

        await page.GetByRole(AriaRole.Button, new() { Name = "Approve requirements.md" }).ClickAsync();

        Assert.Contains("Approved.", await page.Locator(".notice").InnerTextAsync());
        await using var assistant = await fixture.ConnectAsync();
        var status = await assistant.CallOkAsync("spec_status", new { spec = Spec });
        var requirements = status.GetProperty("documents")[0];
        Assert.Equal("approved", requirements.GetProperty("approval").GetString());
        Assert.Equal("local user", requirements.GetProperty("by").GetString());
    }

    [Fact]
    public async Task A_request_for_changes_reaches_the_assistants_next_result()
    {
        await using var fixture = await DashboardFixture.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(fixture.SpecPage);

        await page.GetByLabel("Comment").First.FillAsync("Criterion 2.1 should say how many workouts a page holds.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Request changes" }).First.ClickAsync();

        await using var assistant = await fixture.ConnectAsync();
        var result = await assistant.CallOkResultAsync("spec_status", new { spec = Spec });
        Assert.Contains("Criterion 2.1 should say how many workouts a page holds.", ServerConnection.Text(result));
        Assert.Equal("changes_requested", (await assistant.CallOkAsync("spec_status", new { spec = Spec })).GetProperty("documents")[0].GetProperty("approval").GetString());
    }

    [Fact]
    public async Task Keyboard_alone_can_approve()
    {
        await using var fixture = await DashboardFixture.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(fixture.SpecPage);

        // Tab through the page until the approve button has the focus, then press Enter: no mouse.
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("document.activeElement?.textContent ?? ''") != "Approve requirements.md"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Equal("Approve requirements.md", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");

        await page.Locator(".notice").WaitForAsync();
        await using var assistant = await fixture.ConnectAsync();
        Assert.Equal("approved", (await assistant.CallOkAsync("spec_status", new { spec = Spec })).GetProperty("documents")[0].GetProperty("approval").GetString());
    }

    [Fact]
    public async Task A_decision_without_the_antiforgery_token_or_from_a_foreign_origin_is_refused()
    {
        await using var fixture = await DashboardFixture.StartAsync();
        using var http = new HttpClient();
        await using var assistant = await fixture.ConnectAsync();
        var version = (await assistant.CallOkAsync("spec_status", new { spec = Spec })).GetProperty("documents")[0].GetProperty("version").GetString()!;
        var form = new Dictionary<string, string> { ["document"] = "requirements", ["version"] = version, ["decision"] = "approve" };

        // A page of another site can post a form to a local server; without the token it cannot read, nothing happens.
        var forged = await http.PostAsync(fixture.DecideUrl, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var foreign = new HttpRequestMessage(HttpMethod.Post, fixture.DecideUrl) { Content = new FormUrlEncodedContent(form) };
        foreign.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(foreign)).StatusCode);

        Assert.Equal("none", (await assistant.CallOkAsync("spec_status", new { spec = Spec })).GetProperty("documents")[0].GetProperty("approval").GetString());
    }

    [Fact]
    public async Task One_caller_cannot_hold_open_more_than_eight_live_update_streams()
    {
        await using var fixture = await DashboardFixture.StartAsync();
        // Each stream keeps a connection and its workspace loaded: a script opening them in a loop must hit a wall.
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var events = new Uri(fixture.Endpoint, $"/w/{fixture.Name}/events");
        var open = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                var stream = await http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
                open.Add(stream);
            }
            using (var ninth = await http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, ninth.StatusCode);
                Assert.NotNull(ninth.Headers.RetryAfter);
            }

            // A closed stream gives its place back.
            open[0].Dispose();
            open.RemoveAt(0);
            await Poll.UntilAsync(async () =>
            {
                var again = await http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
                if (again.StatusCode == HttpStatusCode.OK)
                {
                    open.Add(again);
                    return true;
                }
                again.Dispose();
                return false;
            }, "a place to free up after a stream closed");
        }
        finally
        {
            open.ForEach(r => r.Dispose());
        }
    }

    [Fact]
    public async Task Html_in_a_document_is_shown_as_text_never_run()
    {
        await using var fixture = await DashboardFixture.StartAsync();
        // A spec arrives with a cloned repository or a pull request: its markdown may carry script.
        File.AppendAllText(fixture.Workspace.PathOf($".kiro/specs/{Spec}/requirements.md"),
            "\n<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">\n");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(fixture.SpecPage);

        Assert.Contains("<script>window.pwned = 1</script>", await page.Locator("#document-requirements .markdown").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#document-requirements .markdown img, #document-requirements .markdown script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.pwned === undefined"));
    }

    [Fact]
    public async Task Kiro_mcp_dashboard_serves_the_pages_alone_and_shows_what_a_stdio_server_writes()
    {
        using var workspace = new TempWorkspace();
        var (dashboard, _, root) = await ServerConnection.LaunchListeningAsync(workspace.Root, ServerBinary.Path, ["dashboard", "--port", "0", "--workspace", workspace.Root]);
        try
        {
            using var http = new HttpClient();
            Assert.Equal("/", root.AbsolutePath);
            Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(new Uri(root, "/mcp"), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);

            // The assistant's own server, over stdio, in another process: the dashboard reads the same files.
            await using (var stdio = await ServerConnection.StartStdioAsync(workspace.Root))
            {
                await stdio.CallOkAsync("spec_create", new { name = "from-stdio" });
            }
            var specs = await http.GetStringAsync(new Uri(root, "/w/" + Path.GetFileName(workspace.Root)));
            Assert.Contains("from-stdio", specs);
        }
        finally
        {
            ServerConnection.Stop(dashboard);
        }
    }

    /// <summary>The HTTP server on a fresh copy of docs/sample-workspace.</summary>
    private sealed class DashboardFixture : IAsyncDisposable
    {
        private readonly System.Diagnostics.Process _server;

        private DashboardFixture(TempWorkspace workspace, System.Diagnostics.Process server, Uri endpoint)
        {
            Workspace = workspace;
            _server = server;
            Endpoint = endpoint;
        }

        public TempWorkspace Workspace { get; }

        public Uri Endpoint { get; }

        public string Name => Path.GetFileName(Workspace.Root);

        public Uri Root => new(Endpoint, "/");

        public Uri SpecPage => new(Endpoint, $"/w/{Name}/specs/{Spec}");

        public Uri DecideUrl => new(Endpoint, $"/w/{Name}/specs/{Spec}/decide");

        public static async Task<DashboardFixture> StartAsync()
        {
            var workspace = new TempWorkspace();
            var sample = Path.Combine(ServerBinary.RepositoryRoot, "docs", "sample-workspace");
            foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
            {
                workspace.Write(Path.GetRelativePath(sample, file).Replace('\\', '/'), File.ReadAllText(file));
            }
            var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
            return new DashboardFixture(workspace, process, endpoint);
        }

        /// <summary>The assistant: a real MCP client on the same server (the caller disposes it).</summary>
        public Task<ServerConnection> ConnectAsync() => ServerConnection.AttachHttpAsync(Endpoint, "assistant");

        public ValueTask DisposeAsync()
        {
            ServerConnection.Stop(_server);
            Workspace.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
