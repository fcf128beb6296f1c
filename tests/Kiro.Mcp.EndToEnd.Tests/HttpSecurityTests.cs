using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>Host and Origin checks are always on; tokens are enforced when configured.</summary>
public class HttpSecurityTests
{
    private const string Secret = "Zq3vT8pL1xR6cN0bW4yH7kM2sD9fJ5aG";

    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""";

    [Fact]
    public async Task A_foreign_host_header_or_origin_is_refused()
    {
        using var workspace = new TempWorkspace();
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
        try
        {
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Post(endpoint))).StatusCode);

            var rebinding = Post(endpoint);
            rebinding.Headers.Host = "evil.example.com";
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(rebinding)).StatusCode);

            var crossSite = Post(endpoint);
            crossSite.Headers.Add("Origin", "http://evil.example.com");
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(crossSite)).StatusCode);

            var localPage = Post(endpoint);
            localPage.Headers.Add("Origin", "http://localhost:5173");
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(localPage)).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Fact]
    public async Task An_empty_host_is_refused_and_so_are_null_file_and_malformed_origins()
    {
        using var workspace = new TempWorkspace();
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, []);
        try
        {
            Assert.Equal(400, await RawStatusAsync(endpoint, "Host: \r\n"));
            Assert.Equal(400, await RawStatusAsync(endpoint, ""));
            Assert.Equal(200, await RawStatusAsync(endpoint, $"Host: 127.0.0.1:{endpoint.Port}\r\n"));

            using var http = new HttpClient();
            // Sandboxed frames and data: URLs send "null"; a page opened from disk sends file://.
            foreach (var origin in new[] { "null", "file://", "file:///home/user/evil.html", "chrome-extension://abcdef", "http://", "ws://127.0.0.1" })
            {
                var request = Post(endpoint);
                request.Headers.TryAddWithoutValidation("Origin", origin);
                Assert.True((await http.SendAsync(request)).StatusCode == HttpStatusCode.Forbidden, $"Origin '{origin}' was not refused");
            }
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Post(endpoint))).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Fact]
    public async Task With_a_token_every_request_needs_it_and_approvals_record_the_user()
    {
        using var workspace = new TempWorkspace();
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--token", "alice=" + Secret]);
        try
        {
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Post(endpoint))).StatusCode);
            var wrong = Post(endpoint);
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret[..^1]);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }

        await using var server = await ServerConnection.StartHttpAsync(workspace.Root, ["--token", "alice=" + Secret],
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + Secret });
        await server.CallOkAsync("spec_create", new { name = "owned" });
        await server.CallOkAsync("spec_write", new { spec = "owned", document = "requirements", content = WorkoutSpec.Requirements });
        var approval = await server.CallOkAsync("spec_approve", new { spec = "owned", document = "requirements" });
        Assert.Equal("alice", approval.GetProperty("by").GetString());
    }

    [Fact]
    public async Task Another_user_cannot_use_or_end_a_session()
    {
        using var workspace = new TempWorkspace();
        var bobSecret = new string(Secret.Reverse().ToArray());
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--token", "alice=" + Secret, "--token", "bob=" + bobSecret]);
        try
        {
            using var http = new HttpClient();
            var initialize = Post(endpoint);
            initialize.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
            var session = (await http.SendAsync(initialize)).Headers.GetValues("Mcp-Session-Id").Single();

            var hijack = Post(endpoint);
            hijack.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bobSecret);
            hijack.Headers.Add("Mcp-Session-Id", session);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(hijack)).StatusCode);

            var end = new HttpRequestMessage(HttpMethod.Delete, endpoint);
            end.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bobSecret);
            end.Headers.Add("Mcp-Session-Id", session);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(end)).StatusCode);

            var own = new HttpRequestMessage(HttpMethod.Delete, endpoint);
            own.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
            own.Headers.Add("Mcp-Session-Id", session);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(own)).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Fact]
    public async Task Listening_beyond_loopback_without_a_token_refuses_to_start()
    {
        using var workspace = new TempWorkspace();
        var (exitCode, stderr) = await CommandLineTests.RunAsync("--http", "--host", "0.0.0.0", "--port", "0", "--workspace", workspace.Root);
        Assert.Equal(2, exitCode);
        Assert.Contains("--token", stderr);
    }

    [Fact]
    public async Task A_host_name_instead_of_an_address_is_reported_and_the_server_does_not_start()
    {
        using var workspace = new TempWorkspace();
        var (exitCode, stderr) = await CommandLineTests.RunAsync("--http", "--host", "my-server.example", "--token", Secret, "--workspace", workspace.Root);
        Assert.Equal(2, exitCode);
        Assert.Contains("not an IP address", stderr);
    }

    /// <summary>An initialize POST written byte by byte, for what HttpClient will not send (no Host, an empty Host).</summary>
    private static async Task<int> RawStatusAsync(Uri endpoint, string hostLine)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, endpoint.Port);
        var stream = client.GetStream();
        var body = Encoding.UTF8.GetBytes(Initialize);
        var head = $"POST {endpoint.AbsolutePath} HTTP/1.1\r\n{hostLine}Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n" +
            $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync() ?? "";
        return int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static HttpRequestMessage Post(Uri endpoint)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }
}
