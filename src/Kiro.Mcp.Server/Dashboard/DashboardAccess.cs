using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Http;
using Kiro.Mcp.Server.Team;

namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// Who may see what on the dashboard, decided by <see cref="RoleResolver"/> as for MCP calls: a workspace's pages need the
/// reader role in it (the role spec_status needs), its audit log the admin role (audit_list's). Without authentication the
/// local user has every role, so nothing changes.
/// </summary>
public static class DashboardAccess
{
    /// <summary>The first segment of every workspace page: <c>/w/NAME/…</c>.</summary>
    public const string WorkspacePrefix = "/w";

    public static Role? RoleIn(HttpContext http, string workspace)
    {
        ArgumentNullException.ThrowIfNull(http);
        return RoleResolver.RoleIn(http.RequestServices.GetRequiredService<ServerSettings>(), CallerIdentity.Of(http.User), workspace);
    }

    public static bool MayRead(HttpContext http, string workspace) => RoleIn(http, workspace) >= ToolRoles.Reading;

    public static bool MayReadAudit(HttpContext http, string workspace) => RoleIn(http, workspace) >= ToolRoles.Listed("audit_list");

    /// <summary>
    /// Middleware after authentication: a workspace page (<c>/w/NAME/…</c>, the page, its events, its forms) for a user
    /// without a role there is refused with 403 before its handler runs, whatever page a later change adds.
    /// </summary>
    public static Task RequireReaderAsync(HttpContext http, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (http.Request.Path.StartsWithSegments(WorkspacePrefix, out var rest) && rest.Value is { Length: > 1 } tail)
        {
            // The segment as routing hands it to the page's handler (the path is decoded once already): both see one name.
            var name = tail[1..].Split('/')[0];
            if (!MayRead(http, name))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                http.Response.ContentType = "text/plain; charset=utf-8";
                return http.Response.WriteAsync($"You ({CallerIdentity.Of(http.User).Name}) have no role in this workspace.");
            }
        }
        return next();
    }

    /// <summary>The navigation of a page: a workspace's pages (the audit log only for its admins) and the signed-in user.</summary>
    public static DashboardNav NavOf(HttpContext? http, string? workspace)
    {
        var links = new List<NavLink>();
        if (workspace is not null)
        {
            var root = "/w/" + Uri.EscapeDataString(workspace);
            links.Add(new NavLink(root, "Specs"));
            links.Add(new NavLink(root + "/steering", "Steering"));
            links.Add(new NavLink(root + "/hooks", "Hook runs"));
            if (http is not null && MayReadAudit(http, workspace))
            {
                links.Add(new NavLink(root + "/audit", "Audit log"));
            }
        }
        var signedIn = http?.User.Identity is { IsAuthenticated: true } ? CallerIdentity.Of(http.User).Name : null;
        var cookie = http is not null && DashboardCookie.Applies(http) && http.Request.Cookies.ContainsKey(DashboardCookie.CookieName);
        return new DashboardNav(links, signedIn, signedIn is not null && cookie);
    }
}
