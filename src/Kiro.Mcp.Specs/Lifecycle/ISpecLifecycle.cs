namespace Kiro.Mcp.Specs.Lifecycle;

/// <summary>
/// Moments of the spec workflow that others react to (the hooks issue runs Kiro's agent hooks on
/// them). The spec services call it; <see cref="NoLifecycle"/> reacts to nothing. Only
/// <see cref="BeforeTaskStartAsync"/> can change the outcome: it may refuse the start.
/// </summary>
public interface ISpecLifecycle
{
    /// <summary>Before a task is marked in progress: null lets it start, a text refuses it with that reason.</summary>
    Task<string?> BeforeTaskStartAsync(TaskEvent task, CancellationToken cancellationToken);

    /// <summary>After a task was marked done (verified, if it had a verification command).</summary>
    Task TaskCompletedAsync(TaskEvent task, CancellationToken cancellationToken);

    /// <summary>After a document's approval was recorded.</summary>
    Task DocumentApprovedAsync(DocumentEvent approval, CancellationToken cancellationToken);

    /// <summary>After a new spec's folder, config and first document were written.</summary>
    Task SpecCreatedAsync(SpecEvent spec, CancellationToken cancellationToken);
}
