using System.Security.Claims;
using Kiro.Mcp.Server.Http;
using Kiro.Mcp.Server.Team;

namespace Kiro.Mcp.Server.Tests.Http;

/// <summary>A validated JWT's claims as CallerIdentity reads them, whatever the issuer calls its groups claim.</summary>
public class UserClaimsTests
{
    private static ClaimsPrincipal Token(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value, ClaimValueTypes.String, "https://issuer.test/")), "Bearer", "name", "roles"));

    [Fact]
    public void A_configured_groups_claim_becomes_the_callers_groups()
    {
        var user = Token(("sub", "u-1"), ("name", "Alice"), ("realm_groups", "spec-writers"), ("realm_groups", "leads"));

        UserClaims.Complete(user, groupsClaim: "realm_groups");

        Assert.Equal(["spec-writers", "leads"], CallerIdentity.Of(user).Groups);
    }

    [Fact]
    public void A_token_without_a_name_is_shown_by_its_username_else_its_id()
    {
        var withUsername = Token(("sub", "u-1"), ("preferred_username", "alice"));
        var bare = Token(("sub", "u-2"));

        UserClaims.Complete(withUsername, "groups");
        UserClaims.Complete(bare, "groups");

        Assert.Equal("alice", withUsername.Identity!.Name);
        Assert.Equal("u-2", bare.Identity!.Name);
        Assert.Equal(("u-1", "alice"), (CallerIdentity.Of(withUsername).Id, CallerIdentity.Of(withUsername).Name));
    }
}
