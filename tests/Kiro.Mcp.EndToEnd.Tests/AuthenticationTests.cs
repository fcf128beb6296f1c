using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>Bearer tokens fail closed: a secret that cannot be what the user meant never starts a server, and only the exact header passes.</summary>
public class AuthenticationTests
{
    private const string Secret = "Zq3vT8pL1xR6cN0bW4yH7kM2sD9fJ5aG"; // 32 visible ASCII characters
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""";

    public static TheoryData<string, string, string> RefusedTokens => new()
    {
        // what the user typed, the host, what the message must name
        { "alice=", "127.0.0.1", "alice" },                                  // alice=$SECRET with SECRET unset
        { "alice=   ", "127.0.0.1", "alice" },
        { "alice=\t", "127.0.0.1", "alice" },
        { "", "127.0.0.1", "--token" },
        { "   ", "127.0.0.1", "--token" },
        { "=" + Secret, "127.0.0.1", "user name" },
        { "alice=" + Secret[..16] + " " + Secret[16..], "127.0.0.1", "alice" },
        { "alice=" + Secret[..16] + "\u00A0" + Secret[16..], "127.0.0.1", "alice" },
        { "alice=" + Secret[..16] + "\u0001" + Secret[16..], "127.0.0.1", "alice" },
        { "alice=short-secret", "127.0.0.1", "alice" },                      // 12 characters, loopback needs 16
        { "alice=" + Secret[..20], "0.0.0.0", "alice" },                      // 20 characters, the network needs 32
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_blank_malformed_or_short_secret_refuses_to_start_and_is_never_printed(string token, string host, string named)
    {
        using var workspace = new TempWorkspace();
        var (started, exitCode, output) = await StartAsync(workspace.Root, ["--host", host, "--token", token], environment: null);

        Assert.False(started, $"The server started with --token '{token}':\n{output}");
        Assert.Equal(2, exitCode);
        Assert.Contains(named, output);
        var secret = token.Contains('=') ? token[(token.IndexOf('=') + 1)..] : token;
        if (secret.Trim().Length > 0)
        {
            Assert.DoesNotContain(secret, output);
        }
    }

    [Fact]
    public async Task A_bare_secret_ending_in_base64_padding_is_refused_without_printing_it()
    {
        using var workspace = new TempWorkspace();
        // "SECRET=" reads as user "SECRET" with an empty secret: refused, and the would-be user name is not shown.
        var (started, exitCode, output) = await StartAsync(workspace.Root, ["--token", Secret + "="], environment: null);

        Assert.False(started, output);
        Assert.Equal(2, exitCode);
        Assert.DoesNotContain(Secret[..16], output);
        Assert.Contains("token=SECRET", output);
    }

    [Fact]
    public async Task A_blank_token_variable_refuses_to_start()
    {
        using var workspace = new TempWorkspace();
        var (started, exitCode, output) = await StartAsync(workspace.Root, [], new Dictionary<string, string> { ["KIRO_MCP_TOKEN"] = " " });

        Assert.False(started, output);
        Assert.Equal(2, exitCode);
        Assert.Contains("KIRO_MCP_TOKEN", output);
    }

    [Fact]
    public async Task Only_the_exact_header_is_accepted()
    {
        using var workspace = new TempWorkspace();
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--token", "alice=" + Secret]);
        try
        {
            // A trailing ASCII space or tab is not in the list: HTTP strips it from every field value (RFC 9110,
            // 5.5) before any code sees it. A trailing non-breaking space is part of the value, and is refused.
            // UTF-8 lets a header carry a non-breaking space, as a hostile client can (HttpClient refuses non-ASCII by default).
            using var http = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 });
            foreach (var header in new[]
            {
                "Bearer\u00A0" + Secret,
                "Bearer \u00A0" + Secret,
                "Bearer " + Secret + "\u00A0",
                "Bearer  " + Secret,
                "Bearer\t" + Secret,
                "bearer " + Secret,
                "BEARER " + Secret,
                "Bearer " + Secret[..^1],
                "Bearer " + Secret + "x",
                "Bearer " + Secret.ToLowerInvariant(),
                "Bearer",
                "Bearer ",
                Secret,
            })
            {
                var response = await http.SendAsync(Post(endpoint, header));
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"'{Escape(header)}' gave {(int)response.StatusCode}");
            }
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Post(endpoint, "Bearer " + Secret))).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    /// <summary>Launches the HTTP server; true once it listens (then stops it), false with its exit code when it refuses.</summary>
    private static async Task<(bool Started, int? ExitCode, string Output)> StartAsync(string workspace, string[] args, IDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.Environment[ServerConnection.UserKiroVariable] = ServerConnection.UserKiroDirectory(workspace);
        info.Environment.Remove("KIRO_MCP_TOKEN");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        foreach (var arg in new[] { ServerBinary.Path, "--http", "--port", "0", "--workspace", workspace }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            output.Enqueue(e.Data);
            if (e.Data.StartsWith("Listening on ", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited).WaitAsync(TimeSpan.FromSeconds(60));
        if (first == listening.Task)
        {
            ServerConnection.Stop(process);
            return (true, null, string.Join('\n', output));
        }
        process.WaitForExit();
        return (false, process.ExitCode, string.Join('\n', output));
    }

    private static HttpRequestMessage Post(Uri endpoint, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private static string Escape(string header) =>
        string.Concat(header.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
