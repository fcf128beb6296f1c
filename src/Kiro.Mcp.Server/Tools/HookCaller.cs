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
        var name = user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } authenticated } ? authenticated : null;
        return new HookOrigin(access.Stateless ? null : server.SessionId ?? StdioSession, name);
    }
}
