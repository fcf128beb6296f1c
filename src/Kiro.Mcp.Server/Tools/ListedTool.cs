using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// A tool as <c>tools/list</c> shows it, read from the reviewed list (<see cref="ToolList"/>), with the SDK's tool for
/// its method (argument binding, structured results) built on the first call that needs it.
/// </summary>
internal sealed class ListedTool(Tool protocolTool, Func<McpServerTool> build) : McpServerTool
{
    // Built once, whichever session calls first; a tool the conversation never calls is never built.
    private readonly Lazy<McpServerTool> _built = new(build);

    public override Tool ProtocolTool => protocolTool;

    /// <summary>The method's attributes, as the SDK collects them. Only the call filters ask (WorkspaceFilters, RoleFilters), just before the call builds the tool anyway.</summary>
    public override IReadOnlyList<object> Metadata => _built.Value.Metadata;

    /// <summary>Whether the SDK's tool has been built: ToolListTests hold that listing builds none.</summary>
    public bool IsBuilt => _built.IsValueCreated;

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        _built.Value.InvokeAsync(request, cancellationToken);
}
