using System.ComponentModel;
using Kiro.Mcp.Server.Apps;
using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Resources;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Specs.Export;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>The specs toolset: the spec workflow from creation to approved tasks.</summary>
[McpServerToolType]
public sealed class SpecTools(SpecService specs, ServedWorkspace workspace, ServerSettings settings)
{
    private const string ConfirmKey = "approve";

    [McpServerTool(Name = "spec_list", Title = "List specs", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The specs with phase, approvals and task progress, paged.")]
    public Task<SpecPage> ListAsync(
        [Description("nextCursor of the previous page.")] string? cursor = null,
        [Description("1-200 (default 50).")] int? limit = null,
        CancellationToken cancellationToken = default) =>
        specs.ListAsync(cursor, limit, cancellationToken);

    [McpServerTool(Name = "spec_create", Title = "Create a spec", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates .kiro/specs/<name>/ with a template of the first document, and says how to write it.")]
    public Task<CreatedSpec> CreateAsync(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        [Description("Kebab-case, e.g. 'workout-logging'.")] string name,
        [Description("'feature' or 'bugfix' (starts with bugfix.md).")] string type = "feature",
        [Description("For features: 'requirements-first' or 'design-first'.")] string workflow = "requirements-first",
        [Description("All three documents at once, no approval gates.")] bool quick = false,
        [Description("The feature or bug; the first document's introduction.")] string? description = null,
        CancellationToken cancellationToken = default) =>
        specs.CreateAsync(name, ParseType(type), ParseWorkflow(workflow), quick, description, Caller.Writer(server, context.User), cancellationToken);

    [McpServerTool(Name = "spec_read", Title = "Read a spec document", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("A spec document, or one section by heading, with the version for spec_write.")]
    public Task<DocumentText> ReadAsync(
        string spec,
        [Description("'requirements', 'bugfix', 'design' or 'tasks'.")] string document,
        [Description("A heading, e.g. 'Requirement 2'; omit for all.")] string? section = null,
        CancellationToken cancellationToken = default) =>
        specs.ReadAsync(spec, document, section, cancellationToken);

    [McpServerTool(Name = "spec_write", Title = "Write a spec document", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Writes a spec document or section if its phase gate is open; returns the version, findings and next step.")]
    public Task<WriteOutcome> WriteAsync(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        string spec,
        [Description("'requirements', 'bugfix', 'design' or 'tasks'.")] string document,
        [Description("Markdown: the document or the section's body (a leading heading renames it).")] string content,
        [Description("Heading of the section to replace; omit for all.")] string? section = null,
        [Description("From spec_read; refused if the file changed since.")] string? expectedVersion = null,
        CancellationToken cancellationToken = default) =>
        specs.WriteAsync(spec, document, content, section, expectedVersion, Caller.Writer(server, context.User), cancellationToken);

    [McpServerTool(Name = "spec_validate", Title = "Validate a spec", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lints a spec (EARS, vague terms, numbering, sections, task format, references, coverage): findings with hints.")]
    public Task<SpecValidation> ValidateAsync(
        string spec,
        CancellationToken cancellationToken = default) =>
        specs.ValidateAsync(spec, cancellationToken);

    [McpServerTool(Name = "spec_approve", Title = "Approve a spec document", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Records the user's approval of a document's current version (confirmed in the client if it can), or a request for changes.")]
    public async Task<ApprovalOutcome> ApproveAsync(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        string spec,
        [Description("'requirements', 'bugfix', 'design' or 'tasks'.")] string document,
        [Description("Remark to store; for 'request_changes', what to change.")] string? note = null,
        [Description("'approve' or 'request_changes'.")] string decision = "approve",
        CancellationToken cancellationToken = default)
    {
        var actor = Caller.Actor(server, context.User);
        if (ParseDecision(decision))
        {
            return await specs.RequestChangesAsync(spec, document, actor, note, cancellationToken);
        }
        var secondPerson = Caller.NeedsSecondPerson(settings, workspace.Name, actor);
        var version = await specs.CheckApprovableAsync(spec, document, actor, secondPerson, cancellationToken);
        if (context.Params?.InputResponses?.TryGetValue(ConfirmKey, out var response) == true)
        {
            var answer = response.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
            var confirmed = answer is { IsAccepted: true } && answer.Content?.TryGetValue(ConfirmKey, out var value) == true && value.ValueKind == System.Text.Json.JsonValueKind.True;
            if (!confirmed)
            {
                return new ApprovalOutcome(spec, document, false, version, null, null,
                    "The user did not approve. Ask what should change, revise the document with spec_write, and ask again.");
            }
        }
        else if (server.ClientCapabilities?.Elicitation is not null && server.IsMrtrSupported)
        {
            // The human confirms in their client; the SDK re-invokes this tool with the answer.
            throw new InputRequiredException(new Dictionary<string, InputRequest>
            {
                [ConfirmKey] = InputRequest.ForElicitation(new ElicitRequestParams
                {
                    Message = $"Approve {document}.md of spec '{spec}' (version {version})? The next phase starts from it.",
                    RequestedSchema = new ElicitRequestParams.RequestSchema
                    {
                        Properties = { [ConfirmKey] = new ElicitRequestParams.BooleanSchema { Description = $"Approve {document}.md" } },
                        Required = [ConfirmKey],
                    },
                }),
            }, requestState: version);
        }
        return await specs.ApproveAsync(spec, document, version, actor, note, secondPerson, cancellationToken);
    }

    [McpMeta("ui", JsonValue = AppViews.StatusMeta)]
    [McpServerTool(Name = "spec_status", Title = "Spec status", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("A spec's phase, each document's approval (none, approved, stale, changes_requested), task counts, next action.")]
    public Task<SpecStatus> StatusAsync(
        string spec,
        CancellationToken cancellationToken = default) =>
        specs.StatusAsync(spec, cancellationToken);

    [McpMeta("ui", JsonValue = AppViews.TraceMeta)]
    [McpServerTool(Name = "spec_trace", Title = "Trace requirements", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Each acceptance criterion with the tasks and properties citing it and its test state, paged.")]
    public Task<SpecTrace> TraceAsync(
        string spec,
        [Description("Requirement ('2') or criterion ('2.3'); omit for all.")] string? requirement = null,
        [Description("nextCursor of the previous page.")] string? cursor = null,
        [Description("1-200 (default 200, fewer when long).")] int? limit = null,
        CancellationToken cancellationToken = default) =>
        specs.TraceAsync(spec, requirement, cursor, limit, cancellationToken);

    [McpServerTool(Name = "spec_export", Title = "Export a spec", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(ExportResult))]
    [Description("Exports a spec for a tracker as an embedded resource, paged when large.")]
    public async Task<CallToolResult> ExportAsync(
        string spec,
        [Description("'json' (model with stable ids), 'csv' (Jira import) or 'github' (issues).")] string format = "json",
        [Description("nextCursor of the previous page.")] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        var export = await specs.ExportAsync(spec, ExportFormats.Parse(format), cancellationToken);
        var page = ExportPage.Of(export.Content, cursor);
        var uri = ResourceUris.Export(workspace.Name, export.Spec, export.Format);
        var result = new ExportResult(export.Spec, export.Format, export.MediaType, uri, export.Items, page.TotalCharacters, page.Offset, page.NextCursor);
        return new CallToolResult
        {
            Content = [new EmbeddedResourceBlock { Resource = new TextResourceContents { Uri = uri, MimeType = export.MediaType, Text = page.Text } }],
            StructuredContent = KiroJson.Element(result),
        };
    }

    /// <summary>True for a request for changes, false for an approval.</summary>
    private static bool ParseDecision(string decision) => decision.Trim().ToLowerInvariant() switch
    {
        "approve" or "" => false,
        "request_changes" => true,
        _ => throw new KiroException("decision_invalid", $"'{decision}' is not a decision. Use 'approve' or 'request_changes' (with a note saying what should change)."),
    };

    private static SpecType ParseType(string type) => type.Trim().ToLowerInvariant() switch
    {
        "feature" => SpecType.Feature,
        "bugfix" => SpecType.Bugfix,
        _ => throw new KiroException("type_invalid", $"'{type}' is not a spec type. Use 'feature' or 'bugfix'."),
    };

    private static WorkflowType ParseWorkflow(string workflow) => workflow.Trim().ToLowerInvariant() switch
    {
        "requirements-first" => WorkflowType.RequirementsFirst,
        "design-first" => WorkflowType.DesignFirst,
        _ => throw new KiroException("workflow_invalid", $"'{workflow}' is not a workflow. Use 'requirements-first' or 'design-first'."),
    };
}
