using System.Security.Claims;
using Kiro.Mcp.Server.Team;

namespace Kiro.Mcp.Server.Http;

/// <summary>Fills in what a validated JWT leaves out, so every user looks alike to CallerIdentity and the tools.</summary>
public static class UserClaims
{
    public static void Complete(ClaimsPrincipal? principal, string groupsClaim)
    {
        if (principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }
        // Entra ID, Keycloak and others name the groups claim differently: copy it to "groups", where CallerIdentity looks.
        if (groupsClaim != CallerIdentity.GroupClaim)
        {
            foreach (var claim in identity.FindAll(groupsClaim).ToList())
            {
                identity.AddClaim(new Claim(CallerIdentity.GroupClaim, claim.Value, claim.ValueType, claim.Issuer));
            }
        }
        // A token without "name" still has a display name (Identity.Name, which approvals record): its username or its id.
        if (identity.FindFirst(CallerIdentity.NameClaim) is null
            && (identity.FindFirst("preferred_username") ?? identity.FindFirst(CallerIdentity.IdClaim)) is { } fallback)
        {
            identity.AddClaim(new Claim(CallerIdentity.NameClaim, fallback.Value, fallback.ValueType, fallback.Issuer));
        }
    }
}
