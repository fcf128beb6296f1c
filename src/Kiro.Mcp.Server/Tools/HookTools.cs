using System.ComponentModel;
using Kiro.Mcp.Hooks.Service;
using Kiro.Mcp.Workspace;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>The hooks toolset: Kiro's agent hooks from .kiro/hooks and ~/.kiro/hooks, listed, created, run, and their prompts handed out.</summary>
[McpServerToolType]
public sealed class HookTools(HookService hooks, HookAccess access)
{
    [McpServerTool(Name = "hook_list", Title = "List hooks", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The workspace's and the user's hooks: whether each fires, its last run, problems in the hook files.")]
    public Task<HookList> ListAsync(CancellationToken cancellationToken = default) => hooks.ListAsync(cancellationToken);

    [McpServerTool(Name = "hook_create", Title = "Create a hook", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates a hook in .kiro/hooks: on a trigger, runs a shell command or hands the assistant a prompt.")]
    public Task<HookCreated> CreateAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("Unique, e.g. 'Lint on save'.")] string name,
        [Description("PostFileSave, PostFileCreate, PostFileDelete, PreTaskExec, PostTaskExec, PostSpecApprove, PostSpecCreate or Manual.")] string trigger,
        [Description("'command' or 'agent' (a prompt for the assistant).")] string actionType,
        [Description("Regex on the file path, or on 'spec/taskId', 'spec/document' or 'spec'; omit to match all.")] string? matcher = null,
        [Description("For command: runs in the workspace, the event as JSON on stdin.")] string? command = null,
        [Description("For agent: the instruction for the assistant.")] string? prompt = null,
        [Description("Seconds until it is killed (default 60, at most 3600).")] int? timeout = null,
        CancellationToken cancellationToken = default)
    {
        Authorize(context);
        return hooks.CreateAsync(name, trigger, matcher, actionType, command, prompt, timeout, cancellationToken);
    }

    [McpServerTool(Name = "hook_run", Title = "Run a hook", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Runs a hook now, whatever its trigger, optionally for one file; returns its outcome and output tail.")]
    public Task<HookRunResult> RunAsync(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        [Description("As hook_list shows it.")] string name,
        [Description("Workspace-relative file, e.g. 'src/app.ts'.")] string? path = null,
        CancellationToken cancellationToken = default)
    {
        Authorize(context);
        return hooks.RunAsync(name, path, Caller.Name(server, context.User), HookCaller.Of(server, context.User, access), cancellationToken);
    }

    [McpServerTool(Name = "hook_pending", Title = "Pending hook prompts", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Agent hook prompts waiting for this session, each handed out once (also appended to your next tool result).")]
    public PendingList Pending(McpServer server, RequestContext<CallToolRequestParams> context) => hooks.TakePending(HookCaller.Of(server, context.User, access));

    [McpServerTool(Name = "hook_history", Title = "Hook history", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Recent hook runs, newest first, with outcome and output tail.")]
    public Task<HookHistoryPage> HistoryAsync(
        [Description("1-200 (default 20).")] int? limit = null,
        CancellationToken cancellationToken = default) =>
        hooks.HistoryAsync(limit, cancellationToken);

    private void Authorize(RequestContext<CallToolRequestParams> context)
    {
        if (access.RequireAuthenticatedUser && context.User?.Identity?.IsAuthenticated != true)
        {
            throw new KiroException("unauthorized", "Creating and running hooks needs an authenticated user: send 'Authorization: Bearer <token>' with a token this server was started with.");
        }
    }
}
