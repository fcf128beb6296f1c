namespace Kiro.Mcp.Workspace;

/// <summary>
/// Watches one folder of the workspace (recursively) and reports what changed, once per quiet
/// period: editors, git and our own atomic writes produce bursts of events for one save, and
/// listeners want one signal with the distinct paths.
/// </summary>
public sealed class WorkspaceWatcher : IDisposable
{
    // Runtime data (logs, caches) changes constantly and is nobody's document.
    private const string RuntimeFolder = ".kiro/.runtime";

    // A folder that appears with files already in it (a copy, a git checkout) is scanned so that
    // files written before the watch on it existed are still reported; past this many entries the
    // folder itself is reported and listeners rescan it.
    private const int MaxScannedEntries = 1000;

    private readonly WorkspaceRoot _root;
    private readonly string _folder;
    private readonly TimeSpan _debounce;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private readonly Lock _raising = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private bool _disposed;

    public WorkspaceWatcher(WorkspaceRoot root, string relativeFolder, TimeSpan debounce)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentOutOfRangeException.ThrowIfLessThan(debounce, TimeSpan.Zero);
        _root = root;
        _debounce = debounce;

        var full = root.Resolve(relativeFolder);
        // A watch needs an existing folder; .kiro may not exist until the first spec is created.
        Directory.CreateDirectory(full);
        _folder = root.ToRelative(full);

        // No Filter such as "*.md": on Linux a filtered recursive watch misses files created in new
        // sub-folders. Everything is watched and filtered here; duplicates are what debounce is for.
        _watcher = new FileSystemWatcher(full)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Created += (_, e) => OnEvent(e.FullPath, scan: true);
        _watcher.Changed += (_, e) => OnEvent(e.FullPath, scan: false);
        _watcher.Deleted += (_, e) => OnEvent(e.FullPath, scan: false);
        _watcher.Renamed += (_, e) =>
        {
            OnEvent(e.OldFullPath, scan: false);
            OnEvent(e.FullPath, scan: true);
        };
        _watcher.Error += (_, _) => ReportLostEvents();
        _timer = new Timer(_ => OnQuiet(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>
    /// Raised once per quiet period with the distinct workspace-relative paths ('/' separators,
    /// sorted ordinal) created, changed, deleted or renamed (old and new names) in that burst. When
    /// events were lost, the watched folder itself is reported: rescan it.
    /// </summary>
    public event Action<IReadOnlyList<string>>? Changed;

    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _pending.Clear();
        }
        _watcher.Dispose();
        _timer.Dispose();
    }

    /// <summary>The operating system dropped events (buffer overflow): listeners must rescan the folder.</summary>
    internal void ReportLostEvents() => Add(_folder);

    private void OnEvent(string fullPath, bool scan)
    {
        // These handlers run on the watcher's own thread, where an exception would end the process.
        try
        {
            var relative = _root.ToRelative(fullPath);
            if (IsIgnored(relative))
            {
                return;
            }
            Add(relative);
            if (scan && Directory.Exists(fullPath))
            {
                AddContents(fullPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The folder vanished while being scanned, or the path could not be mapped: report the
            // watched folder so listeners rescan rather than miss a change.
            Add(_folder);
        }
    }

    private void AddContents(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var count = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", options))
        {
            if (++count > MaxScannedEntries)
            {
                Add(_root.ToRelative(folder));
                return;
            }
            var relative = _root.ToRelative(entry);
            if (!IsIgnored(relative))
            {
                Add(relative);
            }
        }
    }

    private static bool IsIgnored(string relative) =>
        relative.EndsWith(FileStore.TempSuffix, StringComparison.Ordinal)
        || relative == RuntimeFolder
        || relative.StartsWith(RuntimeFolder + "/", StringComparison.Ordinal);

    private void Add(string relative)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _pending.Add(relative);
            // Every event restarts the quiet period.
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnQuiet()
    {
        // One batch at a time, in order, even if the timer fires again while listeners are busy.
        lock (_raising)
        {
            string[] paths;
            lock (_gate)
            {
                if (_disposed || _pending.Count == 0)
                {
                    return;
                }
                paths = [.. _pending.Order(StringComparer.Ordinal)];
                _pending.Clear();
            }
            Raise(paths);
        }
    }

    private void Raise(IReadOnlyList<string> paths)
    {
        var handlers = Changed;
        if (handlers is null)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<Action<IReadOnlyList<string>>>())
        {
            try
            {
                handler(paths);
            }
            catch (Exception)
            {
                // A listener's failure must not stop the watching nor the other listeners; there is
                // no logger at this level, and listeners that care log their own errors.
            }
        }
    }
}
