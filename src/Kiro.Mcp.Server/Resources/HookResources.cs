using System.ComponentModel;
using System.Text.Json;
using Kiro.Mcp.Hooks.Service;
using Kiro.Mcp.Server.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>Hooks as resources: the list, and the agent prompts waiting for the assistant (reading does not hand them out).</summary>
[McpServerResourceType]
public sealed class HookResources(HookService hooks, HookAccess access)
{
    public const string Hooks = "kiro://hooks";
    public const string Pending = "kiro://hooks/pending";

    [McpServerResource(UriTemplate = Hooks, Name = "hooks", Title = "Hooks", MimeType = "application/json")]
    [Description("Every hook of the workspace and the user, with findings about the hook files.")]
    public async Task<TextResourceContents> ListAsync(CancellationToken cancellationToken) =>
        new() { Uri = Hooks, MimeType = "application/json", Text = JsonSerializer.Serialize(await hooks.ListAsync(cancellationToken), KiroJson.Options) };

    [McpServerResource(UriTemplate = Pending, Name = "hooks_pending", Title = "Pending hook prompts", MimeType = "application/json")]
    [Description("Agent hook prompts waiting for this session; subscribe to hear when one arrives.")]
    public TextResourceContents PendingPrompts(McpServer server, RequestContext<ReadResourceRequestParams> context) =>
        new() { Uri = Pending, MimeType = "application/json", Text = JsonSerializer.Serialize(new { prompts = hooks.Pending.Peek(HookCaller.Of(server, context.User, access)) }, KiroJson.Options) };
}
