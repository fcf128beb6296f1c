using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Hooks.Triggers;
using Kiro.Mcp.Specs.Lifecycle;

namespace Kiro.Mcp.Hooks.Service;

/// <summary>
/// The spec workflow's moments as hook triggers: PreTaskExec (runs before the task starts and may
/// refuse it), PostTaskExec, and this server's PostSpecApprove and PostSpecCreate (in the background).
/// </summary>
public sealed class HookLifecycle(HookService hooks) : ISpecLifecycle
{
    public Task<string?> BeforeTaskStartAsync(TaskEvent task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return hooks.FireAndWaitAsync(Of(HookTriggers.PreTaskExec, task), cancellationToken);
    }

    public Task TaskCompletedAsync(TaskEvent task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return hooks.FireAsync(Of(HookTriggers.PostTaskExec, task), cancellationToken);
    }

    public Task DocumentApprovedAsync(DocumentEvent approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return hooks.FireAsync(new HookEvent
        {
            Trigger = HookTriggers.PostSpecApprove,
            Spec = approval.Spec,
            Document = approval.Document,
            Files = [approval.File],
            By = approval.By,
        }, cancellationToken);
    }

    public Task SpecCreatedAsync(SpecEvent spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return hooks.FireAsync(new HookEvent { Trigger = HookTriggers.PostSpecCreate, Spec = spec.Spec }, cancellationToken);
    }

    private static HookEvent Of(string trigger, TaskEvent task) => new()
    {
        Trigger = trigger,
        Spec = task.Spec,
        TaskId = task.TaskId,
        TaskTitle = task.Title,
        TaskStatus = task.Status,
        By = task.By,
    };
}
