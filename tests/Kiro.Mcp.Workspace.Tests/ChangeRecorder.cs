namespace Kiro.Mcp.Workspace.Tests;

/// <summary>Records every batch a watcher raises and lets a test wait for a path to show up.</summary>
internal sealed class ChangeRecorder
{
    // Generous: this is how long to wait on a slow machine, not how fast the watcher must be.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<string>> _batches = [];
    private readonly List<(string Path, TaskCompletionSource Seen)> _waiters = [];

    public ChangeRecorder(WorkspaceWatcher watcher) => watcher.Changed += Record;

    public IReadOnlyList<IReadOnlyList<string>> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<string> AllPaths => [.. Batches.SelectMany(b => b).Distinct()];

    /// <summary>Completes when a batch containing <paramref name="path"/> has been raised; fails after the timeout.</summary>
    public async Task WaitForAsync(string path)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_batches.Any(b => b.Contains(path)))
            {
                return;
            }
            _waiters.Add((path, seen));
        }
        try
        {
            await seen.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"'{path}' was not reported within {Timeout.TotalSeconds} s. Reported: [{string.Join(", ", AllPaths)}]");
        }
    }

    private void Record(IReadOnlyList<string> paths)
    {
        lock (_gate)
        {
            _batches.Add(paths);
            foreach (var waiter in _waiters.Where(w => paths.Contains(w.Path)).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
