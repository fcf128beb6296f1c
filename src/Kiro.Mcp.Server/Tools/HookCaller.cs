using System.Security.Claims;
using Kiro.Mcp.Hooks.Execution;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>Turns an MCP caller into the plain <see cref="HookOrigin"/> the hooks address prompts to.</summary>
public static class HookCaller
{
    /// <summary>stdio has one session and no id; stateless HTTP has none at all, so its callers are told apart by user only.</summary>
    public const string StdioSession = "stdio";

    public static HookOrigin Of(McpServer server, ClaimsPrincipal? user, HookAccess access)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(access);
        // By the user's stable id, not the display name: two users of an issuer may share a name.
        var caller = Team.CallerIdentity.Of(user);
        return new HookOrigin(access.Stateless ? null : server.SessionId ?? StdioSession, caller.Verified ? caller.Id : null);
    }
}
