using System.Security.Claims;
using System.Text.Encodings.Web;
using Kiro.Mcp.Server.Team;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// The authentication scheme of <c>--token NAME=SECRET</c>: a request carrying a secret is its user, with the
/// claims a JWT would have (<c>sub</c> and <c>name</c> both NAME), so the rest of the server sees one kind of
/// user whichever way they signed in.
/// </summary>
public sealed class StaticTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StaticTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StaticToken";

    /// <summary>
    /// The issuer of a static user's claims. The SDK binds a stateful session to its user by claim type, value and
    /// issuer, so a JWT whose <c>sub</c> happens to equal a static NAME is still another user.
    /// </summary>
    public const string ClaimIssuer = "kiro-mcp:--token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (tokens.UserOf(Context) is not { } user)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(CallerIdentity.IdClaim, user, ClaimValueTypes.String, ClaimIssuer),
                new Claim(CallerIdentity.NameClaim, user, ClaimValueTypes.String, ClaimIssuer),
            ],
            authenticationType: SchemeName,
            nameType: CallerIdentity.NameClaim,
            roleType: "roles");
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>Without an issuer there is nothing to discover: a plain Bearer challenge that says what to send.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Response.WriteAsync("A bearer token is required: send 'Authorization: Bearer <token>'.");
    }
}
