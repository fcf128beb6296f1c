namespace Kiro.Mcp.Hooks.Execution;

/// <summary>
/// Which caller's tool call was writing when. The watcher reports a saved file without saying who
/// saved it; when its modification time falls inside exactly one caller's writing tool call, that
/// caller saved it (this server wrote it on their behalf). Editors, git and builds write outside every
/// window, or inside several at once, and stay unattributed.
/// </summary>
public sealed class WriterLog(TimeProvider clock)
{
    /// <summary>File times lag the clock by a scheduler tick or so; a call's window is widened by this much.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(2);
    private const int MaxCalls = 500;

    private readonly Lock _gate = new();
    private readonly List<Call> _calls = [];

    /// <summary>Marks a writing tool call of <paramref name="origin"/> from now until disposed.</summary>
    public IDisposable Writing(HookOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var call = new Call(origin, clock, _gate);
        lock (_gate)
        {
            var old = clock.GetUtcNow() - Kept;
            _calls.RemoveAll(c => c.Ended is { } ended && ended < old);
            if (_calls.Count >= MaxCalls)
            {
                _calls.RemoveAt(0);
            }
            _calls.Add(call);
        }
        return call;
    }

    /// <summary>The one caller whose writing call spans <paramref name="written"/>, or null when none or several do.</summary>
    public HookOrigin? WriterAt(DateTimeOffset written)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var writers = _calls
                .Where(c => c.Started - Slack <= written && written <= (c.Ended ?? now) + Slack)
                .Select(c => c.Origin)
                .Distinct()
                .ToList();
            return writers.Count == 1 ? writers[0] : null;
        }
    }

    private sealed class Call(HookOrigin origin, TimeProvider clock, Lock gate) : IDisposable
    {
        public HookOrigin Origin { get; } = origin;

        public DateTimeOffset Started { get; } = clock.GetUtcNow();

        /// <summary>Null while the call runs; read and written under the log's lock.</summary>
        public DateTimeOffset? Ended { get; private set; }

        public void Dispose()
        {
            lock (gate)
            {
                Ended ??= clock.GetUtcNow();
            }
        }
    }
}
