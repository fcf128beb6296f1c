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
    [Description("Lists every hook of the workspace and the user with its trigger, matcher, action, whether it fires, its last run, and problems found in the hook files.")]
    public Task<HookList> ListAsync(CancellationToken cancellationToken = default) => hooks.ListAsync(cancellationToken);

    [McpServerTool(Name = "hook_create", Title = "Create a hook", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Creates a hook in .kiro/hooks in Kiro's v1 format: on a trigger, run a shell command in the workspace or hand a prompt to the assistant.")]
    public Task<HookCreated> CreateAsync(
        RequestContext<CallToolRequestParams> context,
        [Description("Hook name, unique in the workspace, e.g. 'Lint on save'.")] string name,
        [Description("PostFileSave, PostFileCreate, PostFileDelete, PreTaskExec, PostTaskExec, PostSpecApprove, PostSpecCreate or Manual.")] string trigger,
        [Description("command (runs a shell command) or agent (hands a prompt to the assistant).")] string actionType,
        [Description("Regular expression searched in the file path (file triggers) or in 'spec/taskId', 'spec/document', 'spec' (other triggers); omit to match everything.")] string? matcher = null,
        [Description("Shell command for a command hook; it runs in the workspace with the event as JSON on stdin.")] string? command = null,
        [Description("Instruction for the assistant for an agent hook.")] string? prompt = null,
        [Description("Seconds before a command is killed with every process it started (default and 0: 60; at most 3600).")] int? timeout = null,
        CancellationToken cancellationToken = default)
    {
        Authorize(context);
        return hooks.CreateAsync(name, trigger, matcher, actionType, command, prompt, timeout, cancellationToken);
    }

    [McpServerTool(Name = "hook_run", Title = "Run a hook", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Runs one hook now by name, whatever its trigger, optionally for one file, and returns how it ended with its output's tail.")]
    public Task<HookRunResult> RunAsync(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        [Description("Hook name, as hook_list shows it.")] string name,
        [Description("A workspace-relative file to run it for, e.g. 'src/app.ts'.")] string? path = null,
        CancellationToken cancellationToken = default)
    {
        Authorize(context);
        return hooks.RunAsync(name, path, Caller.Name(server, context.User), HookCaller.Of(server, context.User, access), cancellationToken);
    }

    [McpServerTool(Name = "hook_pending", Title = "Pending hook prompts", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Hands out the agent hook prompts waiting for this session (each only once; they also arrive appended to your next tool result).")]
    public PendingList Pending(McpServer server, RequestContext<CallToolRequestParams> context) => hooks.TakePending(HookCaller.Of(server, context.User, access));

    [McpServerTool(Name = "hook_history", Title = "Hook history", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists recent hook runs, newest first: trigger, files, exit code, duration, outcome and the tail of the output.")]
    public Task<HookHistoryPage> HistoryAsync(
        [Description("How many runs, 1-200 (default 20).")] int? limit = null,
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
