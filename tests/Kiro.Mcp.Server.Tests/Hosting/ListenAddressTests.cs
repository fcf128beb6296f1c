using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Team;

namespace Kiro.Mcp.Server.Tests.Hosting;

/// <summary>Listening beyond loopback needs a guard: static --token secrets or a token issuer (the config file's auth section).</summary>
public class ListenAddressTests
{
    private static readonly ServerSettings Network = new() { Http = true, Host = "0.0.0.0", Port = 0 };

    [Fact]
    public void Beyond_loopback_without_tokens_or_an_issuer_is_refused_naming_both_ways()
    {
        var problem = CommandLine.Validate(Network with { Team = new TeamConfig { RateLimit = new RateLimitConfig() } });

        Assert.NotNull(problem);
        Assert.Contains("--token", problem);
        Assert.Contains("auth", problem);
    }

    [Fact]
    public void Beyond_loopback_an_issuer_is_guard_enough()
    {
        var auth = new AuthConfig { Authority = "https://login.example.test/", Audience = "https://kiro.example.test/mcp" };

        Assert.Null(CommandLine.Validate(Network with { Team = new TeamConfig { Auth = auth } }));
    }
}
