using System.ComponentModel;
using Kiro.Mcp.Server.Audit;
using Kiro.Mcp.Server.Workspaces;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>The audit toolset: reading the workspace's log of calls that changed something.</summary>
[McpServerToolType]
public sealed class AuditTools(AuditLogs logs, ServedWorkspace workspace)
{
    [McpServerTool(Name = "audit_list", Title = "List the audit log", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The audit log of changing calls (who, when, tool, arguments, result), newest first.")]
    public Task<AuditPage> ListAsync(
        [Description("User id or name.")] string? user = null,
        [Description("Only calls on this spec.")] string? spec = null,
        [Description("ISO 8601.")] string? from = null,
        [Description("ISO 8601.")] string? to = null,
        [Description("nextCursor of the previous page.")] string? cursor = null,
        [Description("1-200 (default 50).")] int? limit = null,
        CancellationToken cancellationToken = default) =>
        AuditQuery.PageAsync(logs.For(workspace.Name), user, spec, from, to, cursor, limit, cancellationToken);
}
