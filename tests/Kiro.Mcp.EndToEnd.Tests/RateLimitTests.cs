using System.Net;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>Limits per user (rateLimit in --config): beyond them a 429 with Retry-After, and one user's flood does not stop another.</summary>
public class RateLimitTests
{
    private const string AliceSecret = "Zq3vT8pL1xR6cN0bW4yH7kM2sD9fJ5aG";
    private const string BobSecret = "Gb5Jf9Ds2Mk7Hy4Wb0Nc6Rx1Lp8Tv3qZ";

    /// <summary>Enough requests to pass a limit of 2 per minute even if a minute's window rolls over once in between.</summary>
    private const int Attempts = 10;

    [Fact]
    public async Task A_user_beyond_the_limit_gets_429_with_retry_after_and_another_user_is_still_served()
    {
        using var workspace = new TempWorkspace();
        var config = TeamConfigFile.Write(workspace.Parent, new { rateLimit = new { requestsPerMinute = 2 } });
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root,
            ["--config", config, "--token", "alice=" + AliceSecret, "--token", "bob=" + BobSecret]);
        try
        {
            using var http = new HttpClient();
            var limited = await FirstRefusalAsync(http, endpoint, AliceSecret);

            Assert.NotNull(limited);
            Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {limited.Headers.RetryAfter}");
            Assert.Contains("2 requests per minute", await limited.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(RawHttp.Initialize(endpoint, BobSecret))).StatusCode);
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Fact]
    public async Task Without_authentication_callers_are_limited_by_address()
    {
        using var workspace = new TempWorkspace();
        var config = TeamConfigFile.Write(workspace.Parent, new { rateLimit = new { requestsPerMinute = 2 } });
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, ["--config", config]);
        try
        {
            using var http = new HttpClient();
            Assert.NotNull(await FirstRefusalAsync(http, endpoint, secret: null));
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    /// <summary>The first 429 among <see cref="Attempts"/> requests, or null when every one was served.</summary>
    private static async Task<HttpResponseMessage?> FirstRefusalAsync(HttpClient http, Uri endpoint, string? secret)
    {
        for (var i = 0; i < Attempts; i++)
        {
            var response = await http.SendAsync(RawHttp.Initialize(endpoint, secret));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        return null;
    }
}
