using Kiro.Mcp.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// How a browser signs in to the dashboard of a server that authenticates: the user pastes a token they would give an MCP
/// client (a <c>--token</c> secret or a JWT from the team's issuer) into the sign-in form, the same handlers that check an
/// <c>Authorization</c> header check it (<see cref="AuthenticateTokenAsync"/>), and ASP.NET Core's cookie authentication
/// keeps it in an HttpOnly, SameSite=Strict cookie (Secure over https) protected by Data Protection. Nothing here is
/// hand-made cryptography.
/// </summary>
/// <remarks>
/// The cookie carries the token, not a copy of the user: every request checks the token again with the bearer handlers.
/// So a JWT's expiry, a secret removed from <c>--token</c>, or a cookie taken to another server on this machine (cookies
/// do not tell ports apart) ends the sign-in at once, and the cookie never grants more than the token would.
/// </remarks>
public static class DashboardCookie
{
    public const string SchemeName = "KiroDashboardCookie";

    public const string CookieName = "kiro-dashboard";

    public const string SignInPath = "/sign-in";

    public const string SignOutPath = "/sign-out";

    /// <summary>The longest a sign-in lasts, however long the token would.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(8);

    private const string TokenName = "access_token";

    /// <summary>
    /// Whether a request is the dashboard's and carries no Authorization header: then the cookie speaks for the browser.
    /// MCP (<c>/mcp</c>) and the OAuth metadata never read the cookie.
    /// </summary>
    public static bool Applies(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        return !context.Request.Headers.ContainsKey("Authorization")
            && !path.StartsWithSegments(HttpServer.Path, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/.well-known", StringComparison.OrdinalIgnoreCase);
    }

    public static void Configure(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        // Secure when the request is https (directly, or a TLS proxy's X-Forwarded-Proto with auth.publicUrl); over plain
        // http on loopback a Secure cookie would never come back.
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        options.LoginPath = SignInPath;
        options.LogoutPath = SignOutPath;
        options.ReturnUrlParameter = "returnUrl";
        options.ExpireTimeSpan = MaxLifetime;
        options.SlidingExpiration = false;
        options.Events.OnValidatePrincipal = RevalidateAsync;
    }

    /// <summary>Signs the browser in with a token the bearer handlers accepted (<paramref name="checkedToken"/>).</summary>
    public static Task SignInAsync(HttpContext http, AuthenticateResult checkedToken, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(checkedToken);
        var properties = new AuthenticationProperties { IsPersistent = false, AllowRefresh = false };
        var limit = DateTimeOffset.UtcNow + MaxLifetime;
        properties.ExpiresUtc = checkedToken.Properties?.ExpiresUtc is { } expires && expires < limit ? expires : limit;
        properties.StoreTokens([new AuthenticationToken { Name = TokenName, Value = token }]);
        return http.SignInAsync(SchemeName, checkedToken.Principal!, properties);
    }

    /// <summary>
    /// Checks <paramref name="token"/> as if it came in an <c>Authorization: Bearer</c> header on /mcp: the same policy
    /// scheme picks the static-secret or the JWT handler, on a request of its own (handlers cache their result per request).
    /// </summary>
    public static async Task<AuthenticateResult> AuthenticateTokenAsync(HttpContext http, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        await using var scope = http.RequestServices.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Request.Scheme = http.Request.Scheme;
        probe.Request.Host = http.Request.Host;
        probe.Request.Path = HttpServer.Path;
        probe.Request.Headers.Authorization = "Bearer " + token;
        return await probe.AuthenticateAsync(KiroAuthentication.BearerScheme);
    }

    /// <summary>Each request: the token in the cookie, checked again; the cookie's user is the token's user now.</summary>
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var token = context.Properties.GetTokenValue(TokenName);
        var result = string.IsNullOrEmpty(token) ? AuthenticateResult.NoResult() : await AuthenticateTokenAsync(context.HttpContext, token);
        if (result is { Succeeded: true, Principal: { } principal })
        {
            context.ReplacePrincipal(principal);
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SchemeName);
    }
}
