using System.Text.Json;
using Kiro.Mcp.Server.Team;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;
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
            var specs = spec is null ? null : context.Services.GetService<SpecService>();
            var before = await VersionsAsync(specs, spec, cancellationToken);
            string outcome = "ok";
            try
            {
                var result = await next(context, cancellationToken);
                outcome = result.IsError == true ? ErrorCode(result) : "ok";
                return result;
            }
            catch (KiroException e)
            {
                outcome = e.Code;
                throw;
            }
            catch (OperationCanceledException)
            {
                outcome = "cancelled";
                throw;
            }
            catch (Exception)
            {
                outcome = "error";
                throw;
            }
            finally
            {
                // A call that was answered must not be turned into an error by its log entry: the change already happened.
                await AppendAsync(context, log, tool.ProtocolTool.Name, workspace.Name, spec, arguments, outcome, before, specs);
            }
        };

    private static async Task AppendAsync(
        RequestContext<CallToolRequestParams> context, AuditLog log, string tool, string workspace, string? spec,
        IDictionary<string, JsonElement>? arguments, string outcome, IReadOnlyDictionary<string, string>? before, SpecService? specs)
    {
        var caller = CallerIdentity.Of(context.User);
        var time = context.Services?.GetService<TimeProvider>() ?? TimeProvider.System;
        try
        {
            // Not the request's token: a cancelled call is still recorded.
            var after = await VersionsAsync(specs, spec, CancellationToken.None);
            await log.AppendAsync(new AuditEntry(0, "", time.GetUtcNow(), caller.Id, caller.Name, caller.Verified, workspace, tool, spec,
                ArgumentSummary.Of(arguments), outcome, before, after), CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KiroException or InvalidDataException)
        {
            context.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(AuditFilter))
                .LogError(e, "The call of {Tool} in workspace {Workspace} could not be added to the audit log {Log}", tool, workspace, log.FilePath);
        }
    }

    /// <summary>The spec a call is about: its 'spec' argument, or the name spec_create creates.</summary>
    private static string? SpecOf(string tool, IDictionary<string, JsonElement>? arguments)
    {
        var key = tool == "spec_create" ? "name" : "spec";
        return arguments is not null && arguments.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 and <= 200 } name ? name : null;
    }

    /// <summary>The version of each document that exists, or null when the spec cannot be read (it does not exist yet, or the name is not one).</summary>
    private static async Task<IReadOnlyDictionary<string, string>?> VersionsAsync(SpecService? specs, string? spec, CancellationToken cancellationToken)
    {
        if (specs is null || spec is null)
        {
            return null;
        }
        try
        {
            var status = await specs.StatusAsync(spec, cancellationToken);
            return status.Documents.Where(d => d.Version is not null).ToDictionary(d => d.Document, d => d.Version!, StringComparer.Ordinal);
        }
        catch (KiroException)
        {
            return null;
        }
    }

    /// <summary>The "[code]" a tool error starts with (ErrorFilters writes it), else "error".</summary>
    private static string ErrorCode(CallToolResult result)
    {
        var text = result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text;
        var end = text?.IndexOf(']', StringComparison.Ordinal) ?? -1;
        return text is not null && text.StartsWith('[') && end is > 1 and <= 40 ? text[1..end] : "error";
    }
}
