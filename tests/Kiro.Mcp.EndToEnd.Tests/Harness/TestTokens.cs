using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// A test issuer: an RSA key made for this test run, published as a JSON Web Key Set file in the test's temp
/// folder (the server's <c>auth.jwksFile</c>), and real signed JWT access tokens from it. A token signed by
/// another instance's key is one "signed with the wrong key".
/// </summary>
public sealed class TestTokens
{
    public const string DefaultIssuer = "https://issuer.kiro.test/";

    /// <summary>The server's resource URL as a team would publish it behind its TLS proxy; tokens are issued for it.</summary>
    public const string DefaultAudience = "https://kiro.test/mcp";

    private readonly RsaSecurityKey _key;

    /// <summary>Makes a key and writes its public half to <paramref name="folder"/>/jwks-KID.json.</summary>
    public TestTokens(string folder)
    {
        var rsa = RSA.Create(2048);
        var keyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        _key = new RsaSecurityKey(rsa) { KeyId = keyId };
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwks = new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = keyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        };
        JwksFile = Path.Combine(folder, $"jwks-{keyId}.json");
        File.WriteAllText(JwksFile, JsonSerializer.Serialize(jwks));
    }

    /// <summary>The key set file to name as the server's <c>auth.jwksFile</c>.</summary>
    public string JwksFile { get; }

    /// <summary>
    /// A signed access token. A negative <paramref name="lifetime"/> gives one that expired that long ago;
    /// <paramref name="groups"/> go in the claim <paramref name="groupsClaim"/>.
    /// </summary>
    public string Mint(
        string sub,
        string? name = null,
        string? email = null,
        IReadOnlyList<string>? groups = null,
        string audience = DefaultAudience,
        string issuer = DefaultIssuer,
        TimeSpan? lifetime = null,
        string groupsClaim = "groups")
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        var issuedAt = (expires < now ? expires : now) - TimeSpan.FromHours(1);
        var claims = new Dictionary<string, object> { ["sub"] = sub };
        if (name is not null)
        {
            claims["name"] = name;
        }
        if (email is not null)
        {
            claims["email"] = email;
        }
        if (groups is not null)
        {
            claims[groupsClaim] = groups.ToArray();
        }
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }
}
