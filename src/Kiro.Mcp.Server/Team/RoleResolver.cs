using Kiro.Mcp.Server.Hosting;

namespace Kiro.Mcp.Server.Team;

/// <summary>
/// The one place that decides a caller's role in a workspace. Nothing restricts a caller the operator
/// has not restricted: the local user (stdio, or HTTP without authentication) and, on a server without a
/// policy for the workspace (its own or <c>"*"</c>), every signed-in user have every role, as before roles
/// existed. Where a policy applies, a user gets the highest role of the entries naming them (id, email or
/// a group), else the policy's default role, else none.
/// </summary>
public static class RoleResolver
{
    /// <summary>The caller's role in <paramref name="workspace"/>; null: none, not even reading.</summary>
    public static Role? RoleIn(ServerSettings settings, CallerIdentity caller, string workspace)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(caller);
        if (!Authenticates(settings))
        {
            return Role.Admin;
        }
        // Past the server's authentication every request has a verified user; anything else (a principal
        // without an id) is nobody, never the local user.
        if (!caller.Verified)
        {
            return null;
        }
        return settings.Team?.PolicyFor(workspace) is { } policy ? RoleIn(policy, caller) : Role.Admin;
    }

    /// <summary>The highest role the caller has in any of <paramref name="workspaces"/> (what a list shows on an endpoint serving them all).</summary>
    public static Role? HighestIn(ServerSettings settings, CallerIdentity caller, IEnumerable<string> workspaces)
    {
        ArgumentNullException.ThrowIfNull(workspaces);
        Role? highest = null;
        foreach (var workspace in workspaces)
        {
            var role = RoleIn(settings, caller, workspace);
            if (role > highest || highest is null)
            {
                highest = role;
            }
            if (highest == Role.Admin)
            {
                break;
            }
        }
        return highest;
    }

    /// <summary>True when no caller can be restricted: the local user over stdio, or HTTP that authenticates nobody.</summary>
    public static bool Authenticates(ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Http && (settings.Tokens.Count > 0 || settings.Team?.Auth is not null);
    }

    /// <summary>The highest role among the entries that name the caller, else the default role.</summary>
    public static Role? RoleIn(WorkspacePolicy policy, CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(caller);
        Role? highest = null;
        foreach (var (key, role) in policy.Roles)
        {
            if (Names(key, caller) && (highest is null || role > highest))
            {
                highest = role;
            }
        }
        return highest ?? policy.DefaultRole;
    }

    private static bool Names(string key, CallerIdentity caller)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }
        var value = key[(colon + 1)..];
        return key[..colon] switch
        {
            "user" => string.Equals(value, caller.Id, StringComparison.Ordinal),
            // Issuers differ in the case of an address's letters; no mail system gives two people addresses that differ only so.
            "email" => caller.Email is { } email && string.Equals(value, email, StringComparison.OrdinalIgnoreCase),
            "group" => caller.Groups.Contains(value, StringComparer.Ordinal),
            _ => false,
        };
    }
}
