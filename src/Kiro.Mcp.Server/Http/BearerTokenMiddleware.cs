using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;secret&gt;</c> on every request and makes the token's user the
/// request's user, so approvals record who approved.
/// </summary>
/// <remarks>
/// The header must be exactly the scheme <c>Bearer</c>, one ASCII space and the secret's bytes: nothing is
/// trimmed or case-folded, so a header that some proxy or client mangled (a non-breaking space, two spaces,
/// a trailing space, a prefix of the secret) never matches. RFC 9110 lets the scheme be case-insensitive; we
/// deliberately accept only the spelling every MCP client sends (docs/http-security.md).
/// </remarks>
public sealed class BearerTokenMiddleware(RequestDelegate next, IReadOnlyDictionary<string, string> usersBySecret)
{
    private const string Scheme = "Bearer ";

    // SHA-256 of "Bearer <secret>": comparing hashes takes the same time whatever the presented length, so
    // timing reveals neither a secret's bytes nor its length.
    private readonly (byte[] Hash, string User)[] _tokens =
        usersBySecret.Select(t => (SHA256.HashData(Encoding.UTF8.GetBytes(Scheme + t.Key)), t.Value)).ToArray();

    public Task InvokeAsync(HttpContext context)
    {
        var values = context.Request.Headers.Authorization;
        // Two Authorization headers are ambiguous: refuse rather than pick one.
        if (values.Count == 1 && Find(values[0] ?? "") is { } user)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.NameIdentifier, user)], authenticationType: "Bearer"));
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Response.WriteAsync("A bearer token is required: send 'Authorization: Bearer <token>'.");
    }

    private string? Find(string header)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header));
        string? match = null;
        // Compare against every token in constant time so timing reveals nothing about any of them.
        foreach (var (hash, user) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, presented))
            {
                match = user;
            }
        }
        return match;
    }
}
