using System.ComponentModel;
using Kiro.Mcp.Hooks.Service;
using Kiro.Mcp.Server.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>Hooks as resources: the list, and the agent prompts waiting for the assistant (reading does not hand them out).</summary>
[McpServerResourceType]
public sealed class HookResources(HookService hooks, HookAccess access)
{
    [McpServerResource(UriTemplate = "kiro://{workspace}/hooks", Name = "hooks", Title = "Hooks", MimeType = "application/json")]
    [Description("Every hook of the workspace and the user, with findings about the hook files.")]
    public async Task<TextResourceContents> ListAsync(string workspace, CancellationToken cancellationToken) =>
        new() { Uri = ResourceUris.Hooks(workspace), MimeType = "application/json", Text = KiroJson.Serialize(await hooks.ListAsync(cancellationToken)) };

    [McpServerResource(UriTemplate = "kiro://{workspace}/hooks/pending", Name = "hooks_pending", Title = "Pending hook prompts", MimeType = "application/json")]
    [Description("Agent hook prompts waiting for this session; subscribe to hear when one arrives.")]
    public TextResourceContents PendingPrompts(string workspace, McpServer server, RequestContext<ReadResourceRequestParams> context) =>
        new() { Uri = ResourceUris.PendingHooks(workspace), MimeType = "application/json", Text = KiroJson.Serialize(new PendingPromptList(hooks.Pending.Peek(HookCaller.Of(server, context.User, access)))) };
}
