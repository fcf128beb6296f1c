using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Prompts;

/// <summary>A prompt's optional <c>workspace</c> argument: checked like a tool's, and named in the prompt so the assistant passes it on.</summary>
public static class PromptWorkspace
{
    /// <summary>
    /// The sentence that tells the assistant which workspace to work in: empty when the server has one
    /// workspace (or the endpoint serves one) and none was named. An unknown name is refused with the registered ones.
    /// </summary>
    public static string Line(WorkspaceSelector selector, RequestContext<GetPromptRequestParams> context, string? workspace)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(context);
        if (workspace is null && (WorkspaceSelector.Pinned(context) is not null || selector.Catalog.Entries.Count <= 1))
        {
            return "";
        }
        try
        {
            var entry = selector.Choose(context, workspace);
            return $"Work in the workspace '{entry.Name}': pass workspace: '{entry.Name}' to every kiro-mcp tool.\n";
        }
        catch (KiroException e)
        {
            throw new McpProtocolException($"[{e.Code}] {e.Message}", McpErrorCode.InvalidParams);
        }
    }
}
