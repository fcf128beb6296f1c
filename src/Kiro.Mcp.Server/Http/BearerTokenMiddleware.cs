using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Kiro.Mcp.Server.Http;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;secret&gt;</c> on every request and makes the token's user the
/// request's user, so approvals record who approved.
/// </summary>
public sealed class BearerTokenMiddleware(RequestDelegate next, IReadOnlyDictionary<string, string> usersBySecret)
{
    private readonly (byte[] Secret, string User)[] _tokens =
        usersBySecret.Select(t => (Encoding.UTF8.GetBytes(t.Key), t.Value)).ToArray();

    public Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Find(header["Bearer ".Length..].Trim()) is { } user)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.NameIdentifier, user)], authenticationType: "Bearer"));
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Response.WriteAsync("A bearer token is required: send 'Authorization: Bearer <token>'.");
    }

    private string? Find(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        string? match = null;
        // Compare against every token in constant time so timing reveals nothing about any of them.
        foreach (var (secret, user) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(secret, bytes))
            {
                match = user;
            }
        }
        return match;
    }
}
