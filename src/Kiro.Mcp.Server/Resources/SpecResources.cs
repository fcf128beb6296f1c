using System.ComponentModel;
using Kiro.Mcp.Server.Tools;
using Kiro.Mcp.Specs.Service;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>Specs as resources: whole documents of any size, status, and the list, each subscribable.</summary>
[McpServerResourceType]
public sealed class SpecResources(SpecService specs)
{
    [McpServerResource(UriTemplate = "kiro://{workspace}/specs", Name = "specs", Title = "Specs", MimeType = "application/json")]
    [Description("Every spec with its phase, approvals and task progress.")]
    public async Task<TextResourceContents> ListAsync(string workspace, CancellationToken cancellationToken)
    {
        var all = new List<SpecSummary>();
        string? cursor = null;
        do
        {
            var page = await specs.ListAsync(cursor, SpecService.MaxPageSize, cancellationToken);
            all.AddRange(page.Specs);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return Json(ResourceUris.Specs(workspace), all);
    }

    [McpServerResource(UriTemplate = "kiro://{workspace}/specs/{spec}/status", Name = "spec_status", Title = "Spec status", MimeType = "application/json")]
    [Description("A spec's phase, approvals, task counts and next action.")]
    public async Task<TextResourceContents> StatusAsync(string workspace, string spec, CancellationToken cancellationToken) =>
        Json(ResourceUris.Status(workspace, spec), await specs.StatusAsync(spec, cancellationToken));

    [McpServerResource(UriTemplate = "kiro://{workspace}/specs/{spec}/{document}", Name = "spec_document", Title = "Spec document", MimeType = "text/markdown")]
    [Description("A spec document (requirements, bugfix, design or tasks) as markdown, whole.")]
    public async Task<TextResourceContents> DocumentAsync(string workspace, string spec, string document, CancellationToken cancellationToken)
    {
        // Template matching order is the SDK's business; "status" must mean status either way.
        if (document == "status")
        {
            return await StatusAsync(workspace, spec, cancellationToken);
        }
        var file = await specs.DocumentAsync(spec, document, cancellationToken);
        return new TextResourceContents { Uri = ResourceUris.Document(workspace, spec, document), MimeType = "text/markdown", Text = file.Text.TrimStart('\uFEFF') };
    }

    private static TextResourceContents Json<T>(string uri, T value) =>
        new() { Uri = uri, MimeType = "application/json", Text = KiroJson.Serialize(value) };
}
