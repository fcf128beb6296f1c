using System.Security.Claims;

namespace Kiro.Mcp.Server.Team;

/// <summary>
/// Who is calling. Over HTTP with authentication, the verified user of the request's token (a static
/// <c>--token NAME=SECRET</c>, or a JWT from the configured issuer): a stable id, a display name, the
/// email and groups where the token has them. Over stdio, or HTTP on loopback without authentication,
/// the one local user, who is not verified and has every role.
/// </summary>
public sealed record CallerIdentity(string Id, string Name, string? Email, IReadOnlyList<string> Groups, bool Verified)
{
    /// <summary>The claim types a verified principal carries (JWT names; the token handlers map to these).</summary>
    public const string IdClaim = "sub";
    public const string NameClaim = "name";
    public const string EmailClaim = "email";
    public const string GroupClaim = "groups";

    public static readonly CallerIdentity LocalUser = new("local", "local user", null, [], Verified: false);

    /// <summary>The identity of an authenticated principal, or the local user when there is none.</summary>
    public static CallerIdentity Of(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return LocalUser;
        }
        var id = First(user, IdClaim, ClaimTypes.NameIdentifier) ?? identity.Name;
        if (string.IsNullOrEmpty(id))
        {
            // An authenticated principal without any id cannot be told apart from another: treat it as nobody.
            return LocalUser with { Name = "unidentified user" };
        }
        var name = First(user, NameClaim, "preferred_username", ClaimTypes.Name) ?? id;
        var email = First(user, EmailClaim, ClaimTypes.Email);
        var groups = user.Claims.Where(c => c.Type is GroupClaim or "roles" or ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        return new CallerIdentity(id, name, email, groups, Verified: true);
    }

    private static string? First(ClaimsPrincipal user, params string[] types) =>
        types.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
