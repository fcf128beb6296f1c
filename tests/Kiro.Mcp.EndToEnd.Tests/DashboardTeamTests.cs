using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using Microsoft.Playwright;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// The dashboard of a team server (static --token secrets and a --config policy) in real headless Chromium and over plain
/// HTTP: a browser signs in with a token, acts as that user under their role, and its approvals are audited as theirs; the
/// audit log is for admins; and the sign-in's defences (antiforgery, a cookie nobody can forge, a token checked on every
/// request) hold.
/// </summary>
public partial class DashboardTeamTests
{
    private const string Spec = "workout-logging";
    private const string AliceSecret = "alice-Zq3vT8pL1xR6cN0bW4yH7kM2";
    private const string BobSecret = "bob-Hk2mW9qT4vB7nX1cR5zL8pF3sJ";
    private const string CarolSecret = "carol-Pj6Hd4Gs1Fz7Cy0XuKx8Qe2L";

    [Fact]
    public async Task A_browser_signs_in_with_a_token_approves_and_the_audit_log_records_that_user()
    {
        await using var team = await TeamDashboard.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.OpenAsync(new Uri(team.Root, "/w/workspace"));

        // No bearer header in a browser: the dashboard asks for a sign-in and comes back afterwards.
        Assert.Equal("Sign in", await page.Locator("h1").InnerTextAsync());
        await page.GetByLabel("Token").FillAsync("not-a-token-of-this-server");
        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Url.EndsWith("/sign-in", StringComparison.Ordinal));
        Assert.Equal(401, refused.Status);
        Assert.Contains("not accepted", await page.GetByRole(AriaRole.Alert).InnerTextAsync());
        await Browser.ScreenshotAsync(page, "dashboard-sign-in");
        await page.GetByLabel("Token").FillAsync(BobSecret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.Equal("Specs of workspace", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Signed in as bob", await page.Locator("header").InnerTextAsync());
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "kiro-dashboard");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(BobSecret, cookie.Value);
        // Bob approves but is no admin: no audit log link, and the page itself is refused.
        Assert.DoesNotContain("Audit log", await page.GetByRole(AriaRole.Navigation, new() { Name = "Workspace pages" }).InnerTextAsync());
        Assert.Equal(403, (await page.GotoAsync(new Uri(team.Root, "/w/workspace/audit").ToString()))!.Status);

        await page.GotoAsync(new Uri(team.Root, $"/w/workspace/specs/{Spec}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve requirements.md" }).ClickAsync();
        Assert.Contains("Approved.", await page.Locator(".notice").InnerTextAsync());

        // Over MCP the approval is bob's, and the audit log has it as a spec_approve by bob, verified, with the versions.
        var requirements = (await Ok(team.Alice, "spec_status", new { spec = Spec })).GetProperty("documents")[0];
        Assert.Equal("approved", requirements.GetProperty("approval").GetString());
        Assert.Equal("bob", requirements.GetProperty("by").GetString());
        var entry = (await Ok(team.Alice, "audit_list", new { user = "bob" })).GetProperty("entries").EnumerateArray().Single();
        Assert.Equal("spec_approve", entry.GetProperty("tool").GetString());
        Assert.True(entry.GetProperty("verified").GetBoolean());
        Assert.Equal("ok", entry.GetProperty("result").GetString());
        Assert.Equal(Spec, entry.GetProperty("spec").GetString());
        Assert.Equal("requirements", entry.GetProperty("args").GetProperty("document").GetString());
        Assert.Equal(JsonValueKind.String, entry.GetProperty("before").GetProperty("requirements").ValueKind);

        // Alice, an admin, signs in on another browser: the audit log is in her navigation and shows bob's approval.
        var admin = await browser.OpenAsync(new Uri(team.Root, "/sign-in"));
        await admin.GetByLabel("Token").FillAsync(AliceSecret);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "workspace", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Workspace pages" }).GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        var row = admin.Locator("tr.audit-entry").Filter(new() { HasText = "spec_approve" });
        Assert.Contains("bob", await row.Locator(".audit-user").InnerTextAsync());
        Assert.Equal("ok", await row.Locator(".audit-result").InnerTextAsync());
        await Browser.ScreenshotAsync(admin, "dashboard-audit");

        // Signing out is a form too; afterwards the pages ask for a sign-in again.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await admin.GotoAsync(new Uri(team.Root, "/w/workspace").ToString());
        Assert.Equal("Sign in", await admin.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task The_audit_page_is_refused_to_non_admins_and_an_approval_beyond_the_role_is_refused_and_audited()
    {
        await using var team = await TeamDashboard.StartAsync();
        using var carol = Bearer(CarolSecret);
        using var bob = Bearer(BobSecret);
        using var alice = Bearer(AliceSecret);
        var audit = new Uri(team.Root, "/w/workspace/audit");
        Assert.Equal(HttpStatusCode.Forbidden, (await carol.GetAsync(audit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync(audit)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync(audit)).StatusCode);
        Assert.DoesNotContain("/audit\"", await carol.GetStringAsync(new Uri(team.Root, "/w/workspace")));
        Assert.Contains("/audit\"", await alice.GetStringAsync(new Uri(team.Root, "/w/workspace")));

        // Carol may read but not approve: with a valid form token the decision is refused (403) and logged as refused.
        var (field, token) = AntiforgeryOf(await carol.GetStringAsync(new Uri(team.Root, "/w/workspace/specs/" + Spec)));
        Assert.Null(field); // a reader's page has no decision form
        var signIn = await carol.GetStringAsync(new Uri(team.Root, "/sign-in"));
        (field, token) = AntiforgeryOf(signIn);
        var version = (await Ok(team.Alice, "spec_status", new { spec = Spec })).GetProperty("documents")[0].GetProperty("version").GetString()!;
        var decided = await carol.PostAsync(new Uri(team.Root, $"/w/workspace/specs/{Spec}/decide"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field!] = token!, ["document"] = "requirements", ["version"] = version, ["decision"] = "approve",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, decided.StatusCode);
        Assert.Equal("none", (await Ok(team.Alice, "spec_status", new { spec = Spec })).GetProperty("documents")[0].GetProperty("approval").GetString());
        var refused = (await Ok(team.Alice, "audit_list", new { user = "carol" })).GetProperty("entries").EnumerateArray().Single();
        Assert.Equal("role_required", refused.GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_sign_in_without_the_antiforgery_token_is_refused()
    {
        await using var team = await TeamDashboard.StartAsync();
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });
        var signIn = new Uri(team.Root, "/sign-in");

        // Another site's page can post a form with its own token to this server (login CSRF): without the form token, nothing.
        var forged = await http.PostAsync(signIn, new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = BobSecret, ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(cookies.GetCookies(team.Root)["kiro-dashboard"]);

        // The same post with the token of the server's own form signs in: the refusal above was the antiforgery check's.
        var (field, token) = AntiforgeryOf(await http.GetStringAsync(signIn));
        var genuine = await http.PostAsync(signIn, new FormUrlEncodedContent(new Dictionary<string, string> { [field!] = token!, ["token"] = BobSecret, ["returnUrl"] = "/w/workspace" }));
        Assert.Equal(HttpStatusCode.Redirect, genuine.StatusCode);
        Assert.Equal("/w/workspace", genuine.Headers.Location!.OriginalString);
        Assert.NotNull(cookies.GetCookies(team.Root)["kiro-dashboard"]);

        // A return address on another site is not followed.
        (field, token) = AntiforgeryOf(await http.GetStringAsync(signIn));
        var away = await http.PostAsync(signIn, new FormUrlEncodedContent(new Dictionary<string, string> { [field!] = token!, ["token"] = BobSecret, ["returnUrl"] = "//evil.example/" }));
        Assert.Equal("/", away.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_forged_or_tampered_cookie_is_refused()
    {
        await using var team = await TeamDashboard.StartAsync();
        var genuine = await SignInAsync(team.Root, BobSecret);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(team.Root, genuine)).StatusCode);

        // Made up, or a real one with one character changed: the cookie is Data Protection's, so neither names anybody.
        var tampered = genuine[..^12] + (genuine[^12] == 'A' ? 'B' : 'A') + genuine[^11..];
        foreach (var forged in new[] { "bob", Convert.ToBase64String("""{"sub":"alice","name":"alice"}"""u8), tampered })
        {
            var response = await WithCookie(team.Root, forged);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task A_cookie_whose_token_the_server_no_longer_accepts_is_refused()
    {
        string aliceCookie, bobCookie;
        using var workspace = TeamDashboard.MakeWorkspace();
        var (first, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, TeamDashboard.Arguments(workspace, AliceSecret, BobSecret));
        try
        {
            aliceCookie = await SignInAsync(new Uri(endpoint, "/"), AliceSecret);
            bobCookie = await SignInAsync(new Uri(endpoint, "/"), BobSecret);
        }
        finally
        {
            ServerConnection.Stop(first);
        }

        // The same server restarted without bob's secret: his cookie still decrypts (alice's, from the same run, still
        // works), but the token in it is checked again on every request and no longer names anybody.
        var (second, _, again) = await ServerConnection.LaunchHttpAsync(workspace.Root, TeamDashboard.Arguments(workspace, AliceSecret));
        try
        {
            var root = new Uri(again, "/");
            Assert.Equal(HttpStatusCode.OK, (await WithCookie(root, aliceCookie)).StatusCode);
            var bob = await WithCookie(root, bobCookie);
            Assert.Equal(HttpStatusCode.Redirect, bob.StatusCode);
            Assert.StartsWith("/sign-in", bob.Headers.Location!.PathAndQuery);
        }
        finally
        {
            ServerConnection.Stop(second);
        }
    }

    [Fact]
    public async Task A_jwt_from_the_teams_issuer_signs_in_and_an_expired_one_does_not()
    {
        using var workspace = TeamDashboard.MakeWorkspace();
        var issuer = new TestTokens(workspace.Parent);
        var config = TeamConfigFile.Write(workspace.Parent, new
        {
            auth = TeamConfigFile.Auth(issuer),
            workspaces = new Dictionary<string, object> { ["*"] = new { defaultRole = "reader" } },
        }, "jwt-team.json");
        var (server, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--config", config]);
        try
        {
            var root = new Uri(endpoint, "/");
            var cookie = await SignInAsync(root, issuer.Mint("u-42", name: "Dana"));
            var page = await WithCookie(root, cookie);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Signed in as <strong>Dana</strong>", await page.Content.ReadAsStringAsync());

            // Checked by JwtBearer as on /mcp: expired, or signed by another key, is no sign-in.
            foreach (var refused in new[] { issuer.Mint("u-42", lifetime: -TimeSpan.FromHours(1)), new TestTokens(workspace.Parent).Mint("u-42") })
            {
                var cookies = new CookieContainer();
                using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });
                var (field, token) = AntiforgeryOf(await http.GetStringAsync(new Uri(root, "/sign-in")));
                var response = await http.PostAsync(new Uri(root, "/sign-in"), new FormUrlEncodedContent(new Dictionary<string, string> { [field!] = token!, ["token"] = refused }));
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Null(cookies.GetCookies(root)["kiro-dashboard"]);
            }
        }
        finally
        {
            ServerConnection.Stop(server);
        }
    }

    [Fact]
    public async Task A_user_without_a_role_in_the_workspace_is_refused_its_pages_and_their_live_updates()
    {
        using var workspace = TeamDashboard.MakeWorkspace();
        var config = TeamConfigFile.Write(workspace.Parent, new
        {
            workspaces = new Dictionary<string, object> { ["*"] = new { roles = new Dictionary<string, string> { ["user:alice"] = "admin" } } },
        }, "closed-team.json");
        var (server, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--token", "alice=" + AliceSecret, "--token", "carol=" + CarolSecret, "--config", config]);
        try
        {
            using var carol = Bearer(CarolSecret);
            using var alice = Bearer(AliceSecret);
            // Carol signed in, but the policy gives her no role here: what spec_status would refuse her, the pages refuse too.
            foreach (var path in new[] { "/w/workspace", $"/w/workspace/specs/{Spec}", $"/w/workspace/specs/{Spec}/diff/requirements", "/w/workspace/steering", "/w/workspace/hooks", "/w/workspace/events" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await carol.GetAsync(new Uri(endpoint, path), HttpCompletionOption.ResponseHeadersRead)).StatusCode);
            }
            Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync(new Uri(endpoint, $"/w/workspace/specs/{Spec}"))).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(server);
        }
    }

    /// <summary>A tool call that must succeed, and its structured result.</summary>
    private static async Task<JsonElement> Ok(McpClient client, string tool, object arguments)
    {
        var result = await client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!);
        Assert.False(result.IsError == true, $"{tool} failed: {ServerConnection.Text(result)}");
        return result.StructuredContent!.Value;
    }

    /// <summary>Signs in through the form as a browser would and returns the sign-in cookie's value.</summary>
    private static async Task<string> SignInAsync(Uri root, string secret)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies });
        var (field, token) = AntiforgeryOf(await http.GetStringAsync(new Uri(root, "/sign-in")));
        var response = await http.PostAsync(new Uri(root, "/sign-in"), new FormUrlEncodedContent(new Dictionary<string, string> { [field!] = token!, ["token"] = secret }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return cookies.GetCookies(root)["kiro-dashboard"]!.Value;
    }

    private static async Task<HttpResponseMessage> WithCookie(Uri root, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, "/w/workspace"));
        request.Headers.Add("Cookie", "kiro-dashboard=" + cookie);
        return await http.SendAsync(request);
    }

    private static HttpClient Bearer(string secret)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + secret);
        return http;
    }

    private static (string? Field, string? Token) AntiforgeryOf(string html) =>
        AntiforgeryInput().Match(html) is { Success: true } match ? (match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value)) : (null, null);

    [GeneratedRegex("""<input type="hidden" name="(__RequestVerificationToken[^"]*)" value="([^"]+)">""")]
    private static partial Regex AntiforgeryInput();

    /// <summary>A team server on a copy of docs/sample-workspace: alice is an admin, bob an approver, everyone else (carol) a reader.</summary>
    private sealed class TeamDashboard : IAsyncDisposable
    {
        private readonly System.Diagnostics.Process _server;
        private readonly TempWorkspace _workspace;

        private TeamDashboard(TempWorkspace workspace, System.Diagnostics.Process server, Uri endpoint, McpClient alice)
        {
            _workspace = workspace;
            _server = server;
            Root = new Uri(endpoint, "/");
            Alice = alice;
        }

        public Uri Root { get; }

        /// <summary>Alice's MCP client, with her bearer token.</summary>
        public McpClient Alice { get; }

        public static TempWorkspace MakeWorkspace()
        {
            var workspace = new TempWorkspace();
            var sample = Path.Combine(ServerBinary.RepositoryRoot, "docs", "sample-workspace");
            foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
            {
                workspace.Write(Path.GetRelativePath(sample, file).Replace('\\', '/'), File.ReadAllText(file));
            }
            TeamConfigFile.Write(workspace.Parent, new
            {
                workspaces = new Dictionary<string, object>
                {
                    ["*"] = new { defaultRole = "reader", roles = new Dictionary<string, string> { ["user:alice"] = "admin", ["user:bob"] = "approver" } },
                },
            });
            return workspace;
        }

        public static IReadOnlyList<string> Arguments(TempWorkspace workspace, params string[] secrets)
        {
            var names = new Dictionary<string, string> { [AliceSecret] = "alice", [BobSecret] = "bob", [CarolSecret] = "carol" };
            return [.. secrets.SelectMany(s => new[] { "--token", names[s] + "=" + s }), "--config", Path.Combine(workspace.Parent, "kiro-team.json")];
        }

        public static async Task<TeamDashboard> StartAsync()
        {
            var workspace = MakeWorkspace();
            var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, Arguments(workspace, AliceSecret, BobSecret, CarolSecret));
            var alice = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = endpoint,
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + AliceSecret },
            }), ServerConnection.DesktopClient("alice-client"));
            return new TeamDashboard(workspace, process, endpoint, alice);
        }

        public async ValueTask DisposeAsync()
        {
            await Alice.DisposeAsync();
            ServerConnection.Stop(_server);
            _workspace.Dispose();
        }
    }
}
