using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Team;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using ModelContextProtocol.AspNetCore.Authentication;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// Who may call the HTTP server: <c>--token NAME=SECRET</c> secrets, JWT access tokens from the configured
/// issuer (the server is then an OAuth 2.1 protected resource with RFC 9728 metadata), or both. Without either,
/// nothing is registered and the server is open (loopback only, CommandLine.Validate).
/// </summary>
/// <remarks>
/// A policy scheme picks the handler per request: a header that is exactly a static secret is that user; any
/// other goes to JwtBearer, which decides. The static check comes first because it is exact (a constant-time
/// match of the whole header), while JwtBearer would only fail to parse a static secret and log it as a bad
/// token; and a JWT can never equal a configured secret by accident. One handler answers each request, so a
/// failure in one kind never lets the other kind's rules apply.
/// </remarks>
public static class KiroAuthentication
{
    private const string SelectorScheme = "Kiro";

    private const string ChallengeScheme = "KiroChallenge";

    /// <summary>The scheme of an <c>Authorization: Bearer</c> header: a static secret or a JWT, whichever it is.</summary>
    public const string BearerScheme = "KiroBearer";

    public static bool IsOn(ServerSettings settings) => settings.Tokens.Count > 0 || settings.Team?.Auth is not null;

    public static void AddKiroAuthentication(this IServiceCollection services, ServerSettings settings)
    {
        if (!IsOn(settings))
        {
            return;
        }
        var tokens = new StaticTokens(settings.Tokens);
        services.AddSingleton(tokens);
        var auth = settings.Team?.Auth;
        // With an issuer, a 401 says where its metadata is, so OAuth clients find the authorization server.
        var bearerChallenge = auth is null ? StaticTokenHandler.SchemeName : McpAuthenticationDefaults.AuthenticationScheme;
        var builder = services.AddAuthentication(options =>
        {
            options.DefaultAuthenticateScheme = SelectorScheme;
            options.DefaultChallengeScheme = ChallengeScheme;
        });
        // A browser on the dashboard has no Authorization header: its sign-in cookie carries the token it pasted
        // (DashboardCookie). /mcp never accepts the cookie: MCP clients send the header, and a cookie there would let
        // any page the browser shows act for its user.
        builder.AddPolicyScheme(SelectorScheme, "Bearer token, or the dashboard's sign-in cookie", options =>
            options.ForwardDefaultSelector = context => DashboardCookie.Applies(context) ? DashboardCookie.SchemeName : BearerScheme);
        builder.AddPolicyScheme(ChallengeScheme, "Bearer challenge, or the dashboard's sign-in page", options =>
            options.ForwardDefaultSelector = context => DashboardCookie.Applies(context) ? DashboardCookie.SchemeName : bearerChallenge);
        builder.AddPolicyScheme(BearerScheme, "Static token or JWT", options =>
            options.ForwardDefaultSelector = context =>
                auth is null || tokens.UserOf(context) is not null ? StaticTokenHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme);
        builder.AddScheme<AuthenticationSchemeOptions, StaticTokenHandler>(StaticTokenHandler.SchemeName, null);
        builder.AddCookie(DashboardCookie.SchemeName, DashboardCookie.Configure);
        if (auth is not null)
        {
            builder.AddJwtBearer(options => ConfigureJwt(options, auth));
            builder.AddMcp(options => options.ResourceMetadata = new()
            {
                Resource = auth.Audience,
                AuthorizationServers = { auth.Authority ?? auth.Issuer! },
                ResourceName = "Kiro.Mcp",
            });
        }
        // Every request needs a user, whatever its path (the metadata document is served before this, by the
        // McpAuth handler): anonymous callers learn nothing about sessions or workspaces.
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>The request pipeline's part: authenticate, then (after the rate limiter, which needs the user) require a user.</summary>
    public static void UseKiroAuthentication(this WebApplication app, ServerSettings settings, Action? between)
    {
        if (IsOn(settings))
        {
            app.UseAuthentication();
        }
        between?.Invoke();
        if (IsOn(settings))
        {
            app.UseAuthorization();
        }
    }

    private static void ConfigureJwt(JwtBearerOptions options, AuthConfig auth)
    {
        // Claims keep their JWT names (sub, name, email, groups), which CallerIdentity reads.
        options.MapInboundClaims = false;
        options.Audience = auth.Audience;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            // Null with an authority: JwtBearer takes the issuer from the discovery document.
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            NameClaimType = CallerIdentity.NameClaim,
            RoleClaimType = "roles",
        };
        if (auth.Authority is not null)
        {
            options.Authority = auth.Authority;
            // Discovery over plain HTTP only from this machine (a local Keycloak while developing).
            options.RequireHttpsMetadata = !(Uri.TryCreate(auth.Authority, UriKind.Absolute, out var authority) && authority.IsLoopback);
        }
        else
        {
            // Offline: the keys from the file; CommandLine.Validate has read it once already, so this cannot fail.
            options.TokenValidationParameters.IssuerSigningKeys = auth.ReadSigningKeys().Keys;
        }
        options.Events = new JwtBearerEvents { OnTokenValidated = context => { UserClaims.Complete(context.Principal, auth.GroupsClaim); return Task.CompletedTask; } };
    }
}
