using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Apps;

/// <summary>The ui:// views as resources (listed and read like any other); they name no workspace, so any caller may read them.</summary>
[McpServerResourceType]
public sealed class AppResources
{
    [McpServerResource(UriTemplate = AppViews.Status, Name = "status_view", Title = "Spec status view", MimeType = AppViews.MimeType)]
    [Description("spec_status's view for hosts that render MCP Apps: phase, approvals, progress, and approval.")]
    public static TextResourceContents Status() => View(AppViews.Status);

    [McpServerResource(UriTemplate = AppViews.Trace, Name = "trace_view", Title = "Trace matrix view", MimeType = AppViews.MimeType)]
    [Description("spec_trace's view for hosts that render MCP Apps: criteria by tasks, commits and properties.")]
    public static TextResourceContents Trace() => View(AppViews.Trace);

    [McpServerResource(UriTemplate = AppViews.Plan, Name = "plan_view", Title = "Wave plan view", MimeType = AppViews.MimeType)]
    [Description("task_plan's view for hosts that render MCP Apps: waves and the critical path.")]
    public static TextResourceContents Plan() => View(AppViews.Plan);

    private static TextResourceContents View(string uri) => new() { Uri = uri, MimeType = AppViews.MimeType, Text = AppViews.Html };
}
