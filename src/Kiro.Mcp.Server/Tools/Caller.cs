using System.Security.Claims;
using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Team;
using Kiro.Mcp.Specs.Workflow;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>Who is calling, as recorded in approvals, requests for changes and task runs.</summary>
public static class Caller
{
    /// <summary>A client's self-declared name is kept to this length: it is a label, and any client can send one.</summary>
    private const int MaxClientName = 200;

    /// <summary>Over HTTP with tokens, the authenticated user; otherwise the client's name and version.</summary>
    public static string Name(McpServer server, ClaimsPrincipal? user)
    {
        if (user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return name;
        }
        return ClientName(server) ?? "unknown client";
    }

    /// <summary>
    /// The caller as the domain records them: the verified user of the request's token, or the local user; the
    /// client-declared name is only the client's, never the person's (any client can call itself anything).
    /// </summary>
    public static Actor Actor(McpServer server, ClaimsPrincipal? user)
    {
        var identity = CallerIdentity.Of(user);
        return new Actor(identity.Id, identity.Name, identity.Email, identity.Verified, ClientName(server));
    }

    /// <summary>
    /// The writer to record for a document version: only a verified user. The local user is exempt from the
    /// second-person rule, so recording them would only add a line to .workflow.json on every write of a
    /// single-user setup; a version they wrote counts as one nobody recorded.
    /// </summary>
    public static Actor? Writer(McpServer server, ClaimsPrincipal? user) =>
        Actor(server, user) is { Verified: true } actor ? actor : null;

    /// <summary>
    /// Whether an approval by <paramref name="actor"/> in <paramref name="workspace"/> needs a second person. The local
    /// user is exempt only when the server has no authentication at all (stdio, loopback without tokens): there
    /// everyone is that one user, so the rule could never be met.
    /// </summary>
    public static bool NeedsSecondPerson(ServerSettings settings, string workspace, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(actor);
        if (settings.Team?.PolicyFor(workspace) is not { SecondPersonApproval: true })
        {
            return false;
        }
        var authenticated = settings.Tokens.Count > 0 || settings.Team.Auth is not null;
        return actor.Verified || authenticated;
    }

    private static string? ClientName(McpServer server) => server.ClientInfo is { } client
        ? Truncate($"{client.Name} {client.Version}".Trim())
        : null;

    private static string Truncate(string text) => text.Length <= MaxClientName ? text : text[..MaxClientName];
}
