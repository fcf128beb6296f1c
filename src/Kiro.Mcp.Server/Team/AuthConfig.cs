using Microsoft.IdentityModel.Tokens;

namespace Kiro.Mcp.Server.Team;

/// <summary>
/// The issuer whose JWT access tokens the server accepts (the server is an OAuth 2.1 protected resource):
/// either <see cref="Authority"/> (OIDC discovery) or, offline, <see cref="JwksFile"/>. Tokens are checked
/// for issuer, audience (<see cref="Audience"/>, the server's resource URL), lifetime and signature.
/// </summary>
public sealed record AuthConfig
{
    /// <summary>The authorization server's URL (OIDC discovery at /.well-known/openid-configuration).</summary>
    public string? Authority { get; init; }

    /// <summary>The expected <c>iss</c>; default: the authority.</summary>
    public string? Issuer { get; init; }

    /// <summary>The expected <c>aud</c>: the server's resource URL, e.g. https://kiro.example.com/mcp.</summary>
    public string? Audience { get; init; }

    /// <summary>A JSON Web Key Set file with the issuer's signing keys, for setups without network access to the issuer.</summary>
    public string? JwksFile { get; init; }

    /// <summary>
    /// The URL clients reach the server at through a TLS reverse proxy on this machine, e.g.
    /// https://kiro.example.com. With it, the proxy's X-Forwarded-Proto and X-Forwarded-Host (taken from a
    /// loopback proxy only) make the server see the public scheme and host, so a 401's resource_metadata names
    /// the public metadata URL and OAuth clients outside can follow it. Null: no proxy headers are read.
    /// </summary>
    public string? PublicUrl { get; init; }

    /// <summary>The claim that carries a user's groups (role mapping by group). Default "groups".</summary>
    // "set", not "init": source-generated JSON assigns every init-only property of the type, so a key absent from the
    // file would replace this default with null or 0; a settable property is assigned only when its key is present.
    public string GroupsClaim { get; set; } = "groups";

    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Audience))
        {
            return "'audience' is required: the server's resource URL, which tokens must be issued for.";
        }
        if (string.IsNullOrWhiteSpace(Authority) == string.IsNullOrWhiteSpace(JwksFile))
        {
            return "give exactly one of 'authority' (the issuer's URL, for OIDC discovery) and 'jwksFile' (its signing keys, offline).";
        }
        if (PublicUrl is not null && !(Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.AbsolutePath == "/"))
        {
            return $"'publicUrl' '{PublicUrl}' is not the root of an http(s) URL such as https://kiro.example.com.";
        }
        if (JwksFile is not null && string.IsNullOrWhiteSpace(Issuer))
        {
            return "'issuer' is required with 'jwksFile': the 'iss' tokens must carry.";
        }
        return null;
    }

    /// <summary>
    /// The signing keys in <see cref="JwksFile"/> (absolute: TeamConfig.Load resolves a relative one against the configuration file's folder), or
    /// a problem naming the file: the server refuses to start rather than accept no token, or any.
    /// </summary>
    public (IList<SecurityKey> Keys, string? Problem) ReadSigningKeys()
    {
        if (JwksFile is null)
        {
            return ([], null);
        }
        try
        {
            var info = new FileInfo(JwksFile);
            if (!info.Exists)
            {
                return ([], $"auth.jwksFile '{JwksFile}' does not exist.");
            }
            if (info.Length > 1024 * 1024)
            {
                return ([], $"auth.jwksFile '{JwksFile}' is over 1 MiB; a key set is a few kilobytes.");
            }
            var keys = new JsonWebKeySet(File.ReadAllText(info.FullName)).GetSigningKeys();
            return keys.Count == 0
                ? ([], $"auth.jwksFile '{JwksFile}' has no signing key: it must be a JSON Web Key Set, {{\"keys\": [...]}}, with the issuer's public keys.")
                : (keys, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return ([], $"auth.jwksFile '{JwksFile}' cannot be read as a JSON Web Key Set: {e.Message}");
        }
    }
}
