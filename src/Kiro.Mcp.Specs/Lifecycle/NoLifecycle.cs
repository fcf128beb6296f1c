namespace Kiro.Mcp.Specs.Lifecycle;

/// <summary>A lifecycle that lets every task start and reacts to nothing.</summary>
public sealed class NoLifecycle : ISpecLifecycle
{
    public Task<string?> BeforeTaskStartAsync(TaskEvent task, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task TaskCompletedAsync(TaskEvent task, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DocumentApprovedAsync(DocumentEvent approval, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SpecCreatedAsync(SpecEvent spec, CancellationToken cancellationToken) => Task.CompletedTask;
}
