using System.Text.Json;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>Writes a server configuration file (<c>--config FILE</c>) from an object shaped like docs/team.md's JSON.</summary>
public static class TeamConfigFile
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>Writes <paramref name="config"/> to <paramref name="folder"/>/NAME and returns its path.</summary>
    public static string Write(string folder, object config, string name = "kiro-team.json")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(config, Options));
        return path;
    }

    /// <summary>The <c>auth</c> section for a <see cref="TestTokens"/> issuer, offline (JWKS file).</summary>
    public static object Auth(TestTokens tokens, string? groupsClaim = null) => groupsClaim is null
        ? new { jwksFile = tokens.JwksFile, issuer = TestTokens.DefaultIssuer, audience = TestTokens.DefaultAudience }
        : new { jwksFile = tokens.JwksFile, issuer = TestTokens.DefaultIssuer, audience = TestTokens.DefaultAudience, groupsClaim };
}
