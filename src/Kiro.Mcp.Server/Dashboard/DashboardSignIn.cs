using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Http;
using Kiro.Mcp.Server.Team;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// Sign-in and sign-out for browsers on a server that authenticates (<see cref="DashboardCookie"/>): a form where the user
/// pastes their token, checked by the bearer handlers, and a sign-out form. Both forms carry an antiforgery token, so no
/// other site can sign a browser in as someone else or out. Mapped only on such a server; elsewhere nothing changes.
/// </summary>
public static class DashboardSignIn
{
    /// <summary>Far beyond any JWT a sign-in issues; a longer paste is not a token.</summary>
    public const int MaxTokenLength = 16_384;

    public static void MapDashboardSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(DashboardCookie.SignInPath, SignInForm).AllowAnonymous();
        app.MapPost(DashboardCookie.SignInPath, SignInAsync).AllowAnonymous();
        app.MapGet(DashboardCookie.SignOutPath, SignOutForm);
        app.MapPost(DashboardCookie.SignOutPath, SignOutAsync);
    }

#pragma warning disable CA1859 // handlers declare IResult: the Request Delegate Generator cannot see the slice types another generator makes
    private static IResult SignInForm(string? returnUrl, IAntiforgery antiforgery, ServerSettings settings, HttpContext http) =>
        Form(antiforgery, settings, http, returnUrl, problem: null, StatusCodes.Status200OK);

    private static IResult SignOutForm(IAntiforgery antiforgery, HttpContext http)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Slices.SignOutView.Create(new SignOutPage(tokens.FormFieldName, tokens.RequestToken!, CallerIdentity.Of(http.User).Name));
    }

    private static IResult Form(IAntiforgery antiforgery, ServerSettings settings, HttpContext http, string? returnUrl, string? problem, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var page = new SignInPage(tokens.FormFieldName, tokens.RequestToken!, IsLocal(returnUrl) ? returnUrl! : "/", problem, settings.Team?.Auth is not null);
        var slice = Slices.SignInView.Create(page);
        slice.StatusCode = status;
        return slice;
    }
#pragma warning restore CA1859

    private static async Task<IResult> SignInAsync(IAntiforgery antiforgery, ServerSettings settings, HttpContext http, CancellationToken cancellationToken)
    {
        // Without this check another site could post its own token here and have the browser act as that account
        // (login CSRF): the user would approve or comment under a name that is not theirs.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return AntiforgeryRefused();
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var returnUrl = form["returnUrl"].ToString();
        // Secrets are visible ASCII (BearerTokenRules), so trimming what a paste adds around them cannot change one.
        var token = form["token"].ToString().Trim();
        if (token.Length == 0 || token.Length > MaxTokenLength)
        {
            return Form(antiforgery, settings, http, returnUrl, "Paste your token into the field.", StatusCodes.Status400BadRequest);
        }
        var result = await DashboardCookie.AuthenticateTokenAsync(http, token);
        if (!result.Succeeded || result.Principal is null)
        {
            return Form(antiforgery, settings, http, returnUrl, "This token was not accepted: it is not one of this server's tokens, or it has expired.", StatusCodes.Status401Unauthorized);
        }
        await DashboardCookie.SignInAsync(http, result, token);
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static async Task<IResult> SignOutAsync(IAntiforgery antiforgery, HttpContext http)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return AntiforgeryRefused();
        }
        await http.SignOutAsync(DashboardCookie.SchemeName);
        return Results.LocalRedirect(DashboardCookie.SignInPath);
    }

    private static IResult AntiforgeryRefused() =>
        Results.Text("The form's antiforgery token is missing or wrong. Reload the page and try again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A path on this server, never another site ("//evil.example", "/\evil.example"): after signing in the browser goes there.</summary>
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);
}
