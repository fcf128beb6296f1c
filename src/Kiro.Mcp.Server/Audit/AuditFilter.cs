using System.Text.Json;
using Kiro.Mcp.Server.Team;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Specs.Service;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Audit;

/// <summary>
/// Appends every call of a tool that can change something (any tool not annotated read-only, as
/// <c>HookNotices</c> tells them apart) to its workspace's audit log, after the call, with its outcome.
/// For a call on a spec, the versions of the spec's documents are read before and after, so the entry
/// shows what the call changed. It runs inside the workspace binding, so the services are the workspace's.
/// </summary>
public static class AuditFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Tools(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellationToken) =>
        {
            if (context.MatchedPrimitive is not McpServerTool tool || tool.ProtocolTool.Annotations?.ReadOnlyHint == true
                || context.Services?.GetService<ServedWorkspace>() is not { } workspace
                || context.Services.GetService<AuditLogs>()?.For(workspace.Name) is not { } log)
            {
                return await next(context, cancellationToken);
            }
            var arguments = context.Params?.Arguments;
            var spec = SpecOf(tool.ProtocolTool.Name, arguments);
            var audited = new AuditedCall(log, CallerIdentity.Of(context.User), workspace.Name, tool.ProtocolTool.Name, spec, arguments);
            return await audited.RunAsync(
                spec is null ? null : context.Services.GetService<SpecService>(),
                context.Services.GetService<TimeProvider>() ?? TimeProvider.System,
                context.Services.GetService<ILoggerFactory>()?.CreateLogger(typeof(AuditFilter)),
                () => next(context, cancellationToken).AsTask(),
                result => result.IsError == true ? ErrorCode(result) : "ok",
                cancellationToken);
        };

    /// <summary>The spec a call is about: its 'spec' argument, or the name spec_create creates.</summary>
    private static string? SpecOf(string tool, IDictionary<string, JsonElement>? arguments)
    {
        var key = tool == "spec_create" ? "name" : "spec";
        return arguments is not null && arguments.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 and <= 200 } name ? name : null;
    }

    /// <summary>The "[code]" a tool error starts with (ErrorFilters writes it), else "error".</summary>
    private static string ErrorCode(CallToolResult result)
    {
        var text = result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text;
        var end = text?.IndexOf(']', StringComparison.Ordinal) ?? -1;
        return text is not null && text.StartsWith('[') && end is > 1 and <= 40 ? text[1..end] : "error";
    }
}
