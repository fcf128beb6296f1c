using System.Text.Json;
using System.Text.Json.Nodes;
using Kiro.Mcp.Server.Team;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// Tells the assistant that a reviewer asked for changes: the first successful result of a call naming the
/// spec (its "spec" argument) gets a "[changes requested]" text block per open request, once per session.
/// The request may come from another person's session, so the assistant working on the spec learns of it
/// at its next step rather than only when it thinks to call spec_status.
/// </summary>
public static class ReviewNotices
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Tools(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            if (result.IsError == true
                || SpecOf(context.Params?.Arguments) is not { } spec
                || context.Services?.GetService<SpecService>() is not { } specs
                || context.Services.GetService<ShownReviews>() is not { } shown
                || context.Services.GetService<ServedWorkspace>() is not { } workspace)
            {
                return result;
            }
            IReadOnlyList<(string Document, ChangeRequest Request)> open;
            try
            {
                open = await specs.OpenChangeRequestsAsync(spec, cancellationToken);
            }
            catch (KiroException)
            {
                // The call itself succeeded; a spec that cannot be read now has nothing to add to it.
                return result;
            }
            var reader = context.Server.SessionId ?? "user:" + CallerIdentity.Of(context.User).Id;
            var fresh = open.Where(r => shown.FirstTime(reader, workspace.Name, spec, r.Document, r.Request)).ToList();
            // spec_status and spec_approve already carry the request in their own result: it counts as shown.
            if (fresh.Count == 0 || context.Params?.Name is "spec_status" or "spec_approve")
            {
                return result;
            }
            result.Content = [.. result.Content, .. fresh.Select(r => new TextContentBlock { Text = Notice(spec, r.Document, r.Request) })];
            result.StructuredContent = WithRequests(result.StructuredContent, fresh);
            return result;
        };

    public static string Notice(string spec, string document, ChangeRequest request) =>
        $"[changes requested] {request.By.Name} asked for changes to {document}.md of spec '{spec}' (version {request.Version}). " +
        $"Their comment: \"{request.Comment}\". Revise it with spec_write, show the user, and ask for approval again.";

    private static string? SpecOf(IDictionary<string, JsonElement>? arguments) =>
        arguments?.TryGetValue("spec", out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Also in the structured result as "changesRequested", for clients that show the model only structured content.</summary>
    private static JsonElement? WithRequests(JsonElement? structured, IReadOnlyList<(string Document, ChangeRequest Request)> requests)
    {
        if (structured is not { ValueKind: JsonValueKind.Object } value || JsonNode.Parse(value.GetRawText()) is not JsonObject node)
        {
            return structured;
        }
        node["changesRequested"] = new JsonArray([.. requests.Select(r => (JsonNode)new JsonObject
        {
            ["document"] = r.Document,
            ["version"] = r.Request.Version,
            ["by"] = r.Request.By.Name,
            ["byId"] = r.Request.By.Id,
            ["comment"] = r.Request.Comment,
        })]);
        return KiroJson.Element(node);
    }
}
