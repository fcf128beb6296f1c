using System.Security.Claims;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>Who is calling, as recorded in approvals and task runs.</summary>
public static class Caller
{
    /// <summary>Over HTTP with tokens, the authenticated user; otherwise the client's name and version.</summary>
    public static string Name(McpServer server, ClaimsPrincipal? user)
    {
        if (user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return name;
        }
        return server.ClientInfo is { } client ? $"{client.Name} {client.Version}".Trim() : "unknown client";
    }
}
