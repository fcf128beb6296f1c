using System.ComponentModel;
using Kiro.Mcp.Steering.Service;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>Steering documents as resources: the text an assistant should follow, references expanded, each subscribable.</summary>
[McpServerResourceType]
public sealed class SteeringResources(SteeringService steering)
{
    [McpServerResource(UriTemplate = "kiro://{workspace}/steering/{name}", Name = "steering_document", Title = "Steering document", MimeType = "text/markdown")]
    [Description("A steering document's text with #[[file:…]] references expanded (AGENTS.md files by their path, '/' as %2F).")]
    public async Task<TextResourceContents> DocumentAsync(string workspace, string name, CancellationToken cancellationToken)
    {
        var document = await steering.ReadAsync(name, expand: true, cancellationToken);
        return new TextResourceContents { Uri = ResourceUris.Steering(workspace, name), MimeType = "text/markdown", Text = document.Text };
    }
}
