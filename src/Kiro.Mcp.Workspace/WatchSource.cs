namespace Kiro.Mcp.Workspace;

/// <summary>
/// Where a <see cref="WorkspaceWatcher"/>'s raw events come from: operating-system watches or
/// polling. A source reports to its watcher, which filters, batches and raises.
/// </summary>
internal abstract class WatchSource : IDisposable
{
    /// <summary>How many operating-system watches the source holds now.</summary>
    public abstract int WatchCount { get; }

    public abstract void Start();

    /// <summary>The ignore rules changed: watch what they now include, stop watching what they now skip.</summary>
    public virtual void Resync()
    {
    }

    public abstract void Dispose();
}
