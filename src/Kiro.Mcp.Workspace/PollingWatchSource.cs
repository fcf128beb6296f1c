namespace Kiro.Mcp.Workspace;

/// <summary>
/// The fallback when the operating system has no watch left to give: every interval, list the
/// folders the rules do not skip and compare each entry's size and modification time with the
/// previous listing. Slower to notice and dearer than watching, but it misses no save.
/// </summary>
internal sealed class PollingWatchSource(WorkspaceWatcher owner, WorkspaceRoot root, string folderFull, IgnoreRules rules, TimeSpan interval) : WatchSource
{
    private static readonly EnumerationOptions Entries = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
    };

    private readonly Lock _gate = new();
    private Timer? _timer;
    private Dictionary<string, (long Size, long Ticks)> _last = new(StringComparer.Ordinal);
    private bool _stopped;

    public override int WatchCount => 0;

    public override void Start()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            _last = Snapshot();
            // One-shot, re-armed after each poll, so that a slow listing never overlaps the next.
            _timer = new Timer(_ => Poll(), null, interval, Timeout.InfiniteTimeSpan);
        }
    }

    public override void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            _timer?.Dispose();
        }
    }

    private void Poll()
    {
        Dictionary<string, (long Size, long Ticks)> now;
        Dictionary<string, (long Size, long Ticks)> last;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            last = _last;
        }
        try
        {
            now = Snapshot();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Rearm();
            return;
        }
        foreach (var (path, state) in now)
        {
            if (!last.TryGetValue(path, out var before))
            {
                owner.OnEvent(path, WorkspaceChangeKind.Created, scan: false);
            }
            else if (before != state)
            {
                owner.OnEvent(path, WorkspaceChangeKind.Saved, scan: false);
            }
        }
        foreach (var path in last.Keys.Where(p => !now.ContainsKey(p)))
        {
            owner.OnEvent(path, WorkspaceChangeKind.Deleted, scan: false);
        }
        lock (_gate)
        {
            _last = now;
        }
        Rearm();
    }

    private void Rearm()
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                _timer?.Change(interval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Every entry of every folder not skipped: files with their size and time, folders with (-1, 0).</summary>
    private Dictionary<string, (long Size, long Ticks)> Snapshot()
    {
        var entries = new Dictionary<string, (long Size, long Ticks)>(StringComparer.Ordinal);
        foreach (var folder in FolderWalk.Folders(root, folderFull, rules))
        {
            try
            {
                foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", Entries))
                {
                    entries[entry.FullName] = entry is FileInfo file ? (file.Length, file.LastWriteTimeUtc.Ticks) : (-1, 0);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The folder vanished during the listing; the next poll sees it gone.
            }
        }
        return entries;
    }
}
