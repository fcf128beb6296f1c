using System.Security.Cryptography;
using System.Text;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// The <c>--token NAME=SECRET</c> secrets, and which user a request's <c>Authorization</c> header names.
/// </summary>
/// <remarks>
/// The header must be exactly the scheme <c>Bearer</c>, one ASCII space and the secret's bytes: nothing is
/// trimmed or case-folded, so a header that some proxy or client mangled (a non-breaking space, two spaces,
/// a trailing space, a prefix of the secret) never matches. RFC 9110 lets the scheme be case-insensitive; we
/// deliberately accept only the spelling every MCP client sends (docs/http-security.md).
/// </remarks>
public sealed class StaticTokens(IReadOnlyDictionary<string, string> usersBySecret)
{
    private const string Scheme = "Bearer ";

    // SHA-256 of "Bearer <secret>": comparing hashes takes the same time whatever the presented length, so
    // timing reveals neither a secret's bytes nor its length.
    private readonly (byte[] Hash, string User)[] _tokens =
        usersBySecret.Select(t => (SHA256.HashData(Encoding.UTF8.GetBytes(Scheme + t.Key)), t.Value)).ToArray();

    public bool Any => _tokens.Length > 0;

    /// <summary>The user whose secret the request carries, or null.</summary>
    public string? UserOf(HttpContext context)
    {
        var values = context.Request.Headers.Authorization;
        // Two Authorization headers are ambiguous: refuse rather than pick one.
        if (_tokens.Length == 0 || values.Count != 1)
        {
            return null;
        }
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values[0] ?? ""));
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
