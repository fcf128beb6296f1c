using System.Security.Claims;
using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Team;

namespace Kiro.Mcp.Server.Tests.Team;

public class RoleResolverTests
{
    private static readonly Dictionary<string, string> Tokens = new() { ["secret-of-alice-0123"] = "alice" };

    private static ServerSettings Team(string json)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, json);
            var (config, problem) = TeamConfig.Load(file);
            Assert.Null(problem);
            return new ServerSettings { Http = true, Tokens = Tokens, Team = config };
        }
        finally
        {
            File.Delete(file);
        }
    }

    private const string Policy = """
        {
          "workspaces": {
            "api": {
              "defaultRole": "reader",
              "roles": { "user:alice": "writer", "email:Bob@Example.com": "approver", "group:platform": "admin", "group:interns": "reader" }
            },
            "*": { "roles": { "user:alice": "reader" } }
          }
        }
        """;

    /// <summary>A signed-in user as a token handler leaves them: JWT claim names.</summary>
    private static CallerIdentity User(string id, string? email = null, params string[] groups) =>
        CallerIdentity.Of(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim("sub", id),
                .. email is null ? Array.Empty<Claim>() : [new Claim("email", email)],
                .. groups.Select(g => new Claim("groups", g)),
            ], authenticationType: "Bearer")));

    [Fact]
    public void A_user_named_by_id_gets_that_role_and_others_the_default()
    {
        var settings = Team(Policy);

        Assert.Equal(Role.Writer, RoleResolver.RoleIn(settings, User("alice"), "api"));
        Assert.Equal(Role.Reader, RoleResolver.RoleIn(settings, User("carol"), "api"));
    }

    [Fact]
    public void An_email_entry_matches_whatever_the_case_of_the_address()
    {
        Assert.Equal(Role.Approver, RoleResolver.RoleIn(Team(Policy), User("bob-id", "bob@example.COM"), "api"));
    }

    [Fact]
    public void A_group_claim_gives_the_group_role_and_the_highest_matching_entry_wins()
    {
        var settings = Team(Policy);

        Assert.Equal(Role.Admin, RoleResolver.RoleIn(settings, User("dave", null, "interns", "platform"), "api"));
        Assert.Equal(Role.Admin, RoleResolver.RoleIn(settings, User("alice", null, "platform"), "api"));
        // An entry that names the user beats the default, even when it is lower: the operator narrowed this one user.
        Assert.Equal(Role.Reader, RoleResolver.RoleIn(settings, User("erin", null, "interns"), "api"));
    }

    [Fact]
    public void The_star_policy_applies_to_workspaces_without_their_own_and_has_no_default()
    {
        var settings = Team(Policy);

        Assert.Equal(Role.Reader, RoleResolver.RoleIn(settings, User("alice"), "web"));
        Assert.Null(RoleResolver.RoleIn(settings, User("carol"), "web"));
    }

    [Fact]
    public void Without_a_policy_for_the_workspace_every_signed_in_user_has_every_role()
    {
        var settings = Team("""{ "workspaces": { "api": { "defaultRole": "reader" } } }""");

        Assert.Equal(Role.Admin, RoleResolver.RoleIn(settings, User("carol"), "web"));
        Assert.Equal(Role.Admin, RoleResolver.RoleIn(new ServerSettings { Http = true, Tokens = Tokens }, User("carol"), "api"));
    }

    [Fact]
    public void The_local_user_has_every_role_over_stdio_and_over_http_without_authentication()
    {
        var policy = Team(Policy).Team;

        Assert.Equal(Role.Admin, RoleResolver.RoleIn(new ServerSettings { Team = policy }, CallerIdentity.LocalUser, "api"));
        Assert.Equal(Role.Admin, RoleResolver.RoleIn(new ServerSettings { Http = true, Team = policy }, CallerIdentity.LocalUser, "web"));
    }

    [Fact]
    public void A_server_that_authenticates_gives_nothing_to_a_caller_it_did_not_verify()
    {
        var settings = Team(Policy);
        var unidentified = CallerIdentity.Of(new ClaimsPrincipal(new ClaimsIdentity([new Claim("email", "x@example.com")], authenticationType: "Bearer")));

        Assert.Null(RoleResolver.RoleIn(settings, CallerIdentity.LocalUser, "api"));
        Assert.Null(RoleResolver.RoleIn(settings, unidentified, "api"));
        Assert.Null(RoleResolver.RoleIn(new ServerSettings { Http = true, Tokens = Tokens }, unidentified, "api"));
    }

    [Fact]
    public void A_key_that_only_looks_like_another_kind_matches_nothing()
    {
        // "user:" entries never match an email or a group of the same text, and the other way round.
        var settings = Team("""{ "workspaces": { "*": { "roles": { "user:ops": "admin", "group:alice": "admin", "email:alice": "admin" } } } }""");

        Assert.Null(RoleResolver.RoleIn(settings, User("alice"), "api"));
        Assert.Null(RoleResolver.RoleIn(settings, User("carol", "ops", "ops"), "api"));
    }

    [Fact]
    public void The_highest_role_in_any_workspace_is_what_a_shared_endpoint_lists()
    {
        var settings = Team(Policy);

        Assert.Equal(Role.Writer, RoleResolver.HighestIn(settings, User("alice"), ["web", "api"]));
        Assert.Null(RoleResolver.HighestIn(settings, User("carol"), ["web", "docs"]));
    }
}
