using System.Net;
using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// The HTTP server as an OAuth 2.1 protected resource: real JWTs signed by a test key pass through the real
/// JwtBearer handler; a token that is expired, for another audience, from another issuer or signed with another
/// key gets 401 with the resource metadata that lets a client find the authorization server.
/// </summary>
public class JwtAuthenticationTests
{
    private const string Secret = "Zq3vT8pL1xR6cN0bW4yH7kM2sD9fJ5aG";

    [Fact]
    public async Task A_valid_token_is_its_user_and_an_approval_records_the_tokens_name()
    {
        using var workspace = new TempWorkspace();
        var tokens = new TestTokens(workspace.Parent);
        var config = TeamConfigFile.Write(workspace.Parent, new { auth = TeamConfigFile.Auth(tokens) });
        var token = tokens.Mint("u-1234", name: "Alice Doe", email: "alice@example.test");

        await using var server = await ServerConnection.StartHttpAsync(workspace.Root, ["--config", config],
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });
        await server.CallOkAsync("spec_create", new { name = "signed" });
        await server.CallOkAsync("spec_write", new { spec = "signed", document = "requirements", content = WorkoutSpec.Requirements });
        var approval = await server.CallOkAsync("spec_approve", new { spec = "signed", document = "requirements" });

        Assert.Equal("Alice Doe", approval.GetProperty("by").GetString());
    }

    [Fact]
    public async Task An_expired_foreign_or_forged_token_gets_401_pointing_at_metadata_that_names_the_issuer()
    {
        using var workspace = new TempWorkspace();
        var tokens = new TestTokens(workspace.Parent);
        var forger = new TestTokens(Directory.CreateDirectory(Path.Combine(workspace.Parent, "forger")).FullName);
        var config = TeamConfigFile.Write(workspace.Parent, new { auth = TeamConfigFile.Auth(tokens) });
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--config", config]);
        try
        {
            using var http = new HttpClient();
            var refused = new Dictionary<string, string?>
            {
                ["no token"] = null,
                ["expired"] = tokens.Mint("u-1", "Alice", lifetime: TimeSpan.FromHours(-1)),
                ["wrong audience"] = tokens.Mint("u-1", "Alice", audience: "https://elsewhere.test/mcp"),
                ["wrong issuer"] = tokens.Mint("u-1", "Alice", issuer: "https://impostor.test/"),
                ["wrong signing key"] = forger.Mint("u-1", "Alice"),
                ["not a JWT"] = "not-a-jwt",
            };
            foreach (var url in new[] { endpoint, new Uri(endpoint + "/workspace") })
            {
                foreach (var (what, token) in refused)
                {
                    var response = await http.SendAsync(RawHttp.Initialize(url, token));
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what} at {url}: {(int)response.StatusCode}");
                    var challenge = string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
                    Assert.Contains("resource_metadata=", challenge);
                }
            }

            var metadataUrl = ResourceMetadataUrl(await http.SendAsync(RawHttp.Initialize(endpoint, tokens.Mint("u-1", lifetime: TimeSpan.FromHours(-1)))));
            using var metadata = JsonDocument.Parse(await http.GetStringAsync(metadataUrl));
            Assert.Equal(TestTokens.DefaultAudience, metadata.RootElement.GetProperty("resource").GetString());
            Assert.Contains(TestTokens.DefaultIssuer, metadata.RootElement.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));

            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(RawHttp.Initialize(endpoint, tokens.Mint("u-1", "Alice")))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(RawHttp.Initialize(new Uri(endpoint + "/workspace"), tokens.Mint("u-1", "Alice")))).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Fact]
    public async Task Behind_a_tls_proxy_a_401_names_the_public_metadata_url_and_only_the_public_host_is_forwarded()
    {
        using var workspace = new TempWorkspace();
        var tokens = new TestTokens(workspace.Parent);
        var config = TeamConfigFile.Write(workspace.Parent, new
        {
            auth = new { jwksFile = tokens.JwksFile, issuer = TestTokens.DefaultIssuer, audience = TestTokens.DefaultAudience, publicUrl = "https://kiro.test" },
        });
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--config", config]);
        try
        {
            using var http = new HttpClient();
            // What a proxy on this machine sends for https://kiro.test/mcp.
            var proxied = RawHttp.Initialize(endpoint, null);
            proxied.Headers.Add("X-Forwarded-Proto", "https");
            proxied.Headers.Add("X-Forwarded-Host", "kiro.test");
            var metadataUrl = ResourceMetadataUrl(await http.SendAsync(proxied));
            Assert.Equal("https://kiro.test/.well-known/oauth-protected-resource/mcp", metadataUrl.ToString());

            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, metadataUrl.AbsolutePath));
            get.Headers.Add("X-Forwarded-Proto", "https");
            get.Headers.Add("X-Forwarded-Host", "kiro.test");
            using var metadata = JsonDocument.Parse(await (await http.SendAsync(get)).Content.ReadAsStringAsync());
            Assert.Equal(TestTokens.DefaultAudience, metadata.RootElement.GetProperty("resource").GetString());

            // Any other forwarded host is refused like any other Host header (DNS rebinding through the proxy).
            var foreign = RawHttp.Initialize(endpoint, tokens.Mint("u-1", "Alice"));
            foreign.Headers.Add("X-Forwarded-Host", "evil.test");
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(foreign)).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Fact]
    public async Task The_typescript_sdk_discovers_the_authorization_server_from_a_401()
    {
        using var workspace = new TempWorkspace();
        var tokens = new TestTokens(workspace.Parent);
        var config = TeamConfigFile.Write(workspace.Parent, new { auth = TeamConfigFile.Auth(tokens) });
        var (process, stderr, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--config", config]);
        try
        {
            var run = await NodeClients.RunAsync(Path.Combine(NodeClients.Folder, "discover-auth.mjs"), ["--url", endpoint.ToString()], workspace.Parent);
            Assert.True(run.ExitCode == 0, run + "\nserver log:\n" + string.Join('\n', stderr));
            using var report = JsonDocument.Parse(run.Stdout);
            var metadata = report.RootElement.GetProperty("metadata");
            Assert.Equal(TestTokens.DefaultAudience, metadata.GetProperty("resource").GetString());
            Assert.Equal([TestTokens.DefaultIssuer], metadata.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Fact]
    public async Task With_static_tokens_and_an_issuer_a_static_secret_is_its_user_and_a_jwt_is_its_own()
    {
        using var workspace = new TempWorkspace();
        var tokens = new TestTokens(workspace.Parent);
        var config = TeamConfigFile.Write(workspace.Parent, new { auth = TeamConfigFile.Auth(tokens) });
        string[] args = ["--config", config, "--token", "robot=" + Secret];

        await using (var robot = await ServerConnection.StartHttpAsync(workspace.Root, args,
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + Secret }))
        {
            await robot.CallOkAsync("spec_create", new { name = "both" });
            await robot.CallOkAsync("spec_write", new { spec = "both", document = "requirements", content = WorkoutSpec.Requirements });
            Assert.Equal("robot", (await robot.CallOkAsync("spec_approve", new { spec = "both", document = "requirements" })).GetProperty("by").GetString());
        }
        await using (var person = await ServerConnection.StartHttpAsync(workspace.Root, args,
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + tokens.Mint("u-77", "Bob Roe") }))
        {
            await person.CallOkAsync("spec_write", new { spec = "both", document = "design", content = WorkoutSpec.Design });
            Assert.Equal("Bob Roe", (await person.CallOkAsync("spec_approve", new { spec = "both", document = "design" })).GetProperty("by").GetString());
        }

        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, args);
        try
        {
            using var http = new HttpClient();
            // A near miss of the static secret is not that user, and not a JWT either.
            var response = await http.SendAsync(RawHttp.Initialize(endpoint, Secret[..^1]));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not json")]
    [InlineData("""{"keys":[]}""")]
    public async Task A_key_set_file_that_is_missing_unreadable_or_keyless_refuses_to_start(string? content)
    {
        using var workspace = new TempWorkspace();
        var jwks = Path.Combine(workspace.Parent, "issuer-keys.json");
        if (content is not null)
        {
            File.WriteAllText(jwks, content);
        }
        var config = TeamConfigFile.Write(workspace.Parent,
            new { auth = new { jwksFile = jwks, issuer = TestTokens.DefaultIssuer, audience = TestTokens.DefaultAudience } });

        var (exitCode, output) = await CommandLineTests.RunAsync("--http", "--port", "0", "--workspace", workspace.Root, "--config", config);

        Assert.Equal(2, exitCode);
        Assert.Contains("auth.jwksFile", output);
    }

    private static Uri ResourceMetadataUrl(HttpResponseMessage response)
    {
        var challenge = string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        const string key = "resource_metadata=\"";
        var start = challenge.IndexOf(key, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no resource_metadata in '{challenge}'");
        start += key.Length;
        return new Uri(challenge[start..challenge.IndexOf('"', start)]);
    }
}
