using System.ComponentModel;
using Kiro.Mcp.Server.Apps;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Service;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tools;

/// <summary>The tasks toolset: the task board, read from and written to tasks.md.</summary>
[McpServerToolType]
public sealed class TaskTools(TaskService tasks)
{
    [McpServerTool(Name = "task_list", Title = "List tasks", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("A spec's tasks in order with status, requirements and dependencies, paged.")]
    public Task<TaskPage> ListAsync(
        string spec,
        [Description("Only this status: not_started, queued, in_progress or done.")] string? status = null,
        [Description("nextCursor of the previous page.")] string? cursor = null,
        [Description("1-200 (default 50).")] int? limit = null,
        CancellationToken cancellationToken = default) =>
        tasks.ListAsync(spec, status, cursor, limit, cancellationToken);

    [McpServerTool(Name = "task_next", Title = "Next task", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The next task (first required, unfinished, dependencies done) and the tasks that may run beside it.")]
    public Task<NextTask> NextAsync(
        [Description("Omit to search every spec with approved tasks.")] string? spec = null,
        CancellationToken cancellationToken = default) =>
        tasks.NextAsync(spec, cancellationToken);

    [McpServerTool(Name = "task_start", Title = "Start a task", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Marks a task [-] once tasks.md is approved and its dependencies are done; returns its context.")]
    public Task<TaskContext> StartAsync(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        string spec,
        [Description("E.g. '2.1'.")] string taskId,
        [Description("Start a done task again.")] bool restart = false,
        CancellationToken cancellationToken = default) =>
        tasks.StartAsync(spec, taskId, restart, Caller.Name(server, context.User), cancellationToken);

    [McpServerTool(Name = "task_context", Title = "Task context", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("A task's context: details, criteria it implements, relevant design sections, steering, Kiro's rules.")]
    public Task<TaskContext> ContextAsync(
        string spec,
        [Description("E.g. '2.1'.")] string taskId,
        CancellationToken cancellationToken = default) =>
        tasks.ContextAsync(spec, taskId, cancellationToken);

    [McpServerTool(Name = "task_complete", Title = "Complete a task", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Runs the task's '_Verify: <cmd>_' line (else verify.command in .kiro/settings/kiro-mcp.json); if it passes, marks the task [x], records the run, returns the next task.")]
    public Task<TaskCompletion> CompleteAsync(
        McpServer server,
        RequestContext<CallToolRequestParams> context,
        string spec,
        [Description("E.g. '2.1'.")] string taskId,
        [Description("What was done, stored with the run.")] string? summary = null,
        [Description("False skips verification (ask the user first; needed in an untrusted workspace).")] bool verify = true,
        CancellationToken cancellationToken = default) =>
        tasks.CompleteAsync(spec, taskId, summary, verify, Caller.Name(server, context.User), cancellationToken);

    [McpServerTool(Name = "task_set_status", Title = "Set a task's status", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Sets one task's checkbox in tasks.md ([ ], [~], [-] or [x]), changing only that character.")]
    public Task<TaskStatusChange> SetStatusAsync(
        string spec,
        [Description("E.g. '2.1'.")] string taskId,
        [Description("not_started, queued, in_progress or done.")] string status,
        CancellationToken cancellationToken = default) =>
        tasks.SetStatusAsync(spec, taskId, status, cancellationToken);

    [McpMeta("ui", JsonValue = AppViews.PlanMeta)]
    [McpServerTool(Name = "task_plan", Title = "Task plan", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Task dependency graph: edges, parallel waves, critical path, cycles, unknown ids, file collisions.")]
    public Task<TaskPlan> PlanAsync(
        string spec,
        CancellationToken cancellationToken = default) =>
        tasks.PlanAsync(spec, cancellationToken);
}
