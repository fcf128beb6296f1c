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
    private readonly WatcherOptions _options;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private readonly Lock _raising = new();
    // Each path with the first thing that happened to it in this batch (null: a folder to rescan),
    // which is what tells a new file from a saved one once the batch is over.
    private readonly Dictionary<string, WorkspaceChangeKind?> _pending = new(StringComparer.Ordinal);
    private DateTime _batchDeadline;
    private bool _disposed;

    public WorkspaceWatcher(WorkspaceRoot root, string relativeFolder, TimeSpan debounce)
        : this(root, relativeFolder, debounce, new WatcherOptions())
    {
    }

    public WorkspaceWatcher(WorkspaceRoot root, string relativeFolder, TimeSpan debounce, WatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(debounce, TimeSpan.Zero);
        _root = root;
        _debounce = debounce;
        _options = options;

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
        _watcher.Created += (_, e) => OnEvent(e.FullPath, WorkspaceChangeKind.Created, scan: true);
        _watcher.Changed += (_, e) => OnEvent(e.FullPath, WorkspaceChangeKind.Saved, scan: false);
        _watcher.Deleted += (_, e) => OnEvent(e.FullPath, WorkspaceChangeKind.Deleted, scan: false);
        // Editors save atomically (write a temp file, rename it over the original): a rename onto a
        // name is a save of that name, and the old name is gone.
        _watcher.Renamed += (_, e) =>
        {
            OnEvent(e.OldFullPath, WorkspaceChangeKind.Deleted, scan: false);
            OnEvent(e.FullPath, WorkspaceChangeKind.Saved, scan: true);
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

    /// <summary>
    /// Raised with <see cref="Changed"/>, for the files among its paths: what happened to each over
    /// the burst. A file created and saved is <see cref="WorkspaceChangeKind.Created"/>; one created
    /// and deleted again (a temp file) is not reported; folders and rescans are not reported here.
    /// </summary>
    public event Action<IReadOnlyList<WorkspaceChange>>? FilesChanged;

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
    internal void ReportLostEvents() => Add(_folder, null);

    private void OnEvent(string fullPath, WorkspaceChangeKind kind, bool scan)
    {
        // These handlers run on the watcher's own thread, where an exception would end the process.
        try
        {
            var relative = _root.ToRelative(fullPath);
            if (IsIgnored(relative))
            {
                return;
            }
            Add(relative, kind);
            if (scan && Directory.Exists(fullPath))
            {
                AddContents(fullPath);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The folder vanished while being scanned, or the path could not be mapped: report the
            // watched folder so listeners rescan rather than miss a change.
            Add(_folder, null);
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
                Add(_root.ToRelative(folder), null);
                return;
            }
            var relative = _root.ToRelative(entry);
            if (!IsIgnored(relative))
            {
                Add(relative, WorkspaceChangeKind.Created);
            }
        }
    }

    private bool IsIgnored(string relative) =>
        relative.EndsWith(FileStore.TempSuffix, StringComparison.Ordinal)
        || relative == RuntimeFolder
        || relative.StartsWith(RuntimeFolder + "/", StringComparison.Ordinal)
        || (_options.IgnoredFolders.Count > 0 && relative.Split('/').Any(_options.IgnoredFolders.Contains));

    private void Add(string relative, WorkspaceChangeKind? kind)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            var now = DateTime.UtcNow;
            if (_pending.Count == 0)
            {
                _batchDeadline = now + _options.MaxDelay;
            }
            if (!_pending.TryGetValue(relative, out var first) || (first is null && kind is not null))
            {
                _pending[relative] = kind;
            }
            // Every event restarts the quiet period, up to the batch's deadline.
            var due = _batchDeadline - now;
            _timer.Change(due < _debounce ? (due < TimeSpan.Zero ? TimeSpan.Zero : due) : _debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnQuiet()
    {
        // One batch at a time, in order, even if the timer fires again while listeners are busy.
        lock (_raising)
        {
            KeyValuePair<string, WorkspaceChangeKind?>[] batch;
            lock (_gate)
            {
                if (_disposed || _pending.Count == 0)
                {
                    return;
                }
                batch = [.. _pending.OrderBy(p => p.Key, StringComparer.Ordinal)];
                _pending.Clear();
            }
            Raise(Changed, batch.Select(p => p.Key).ToList());
            if (FilesChanged is not null)
            {
                var files = batch.Select(p => Settle(p.Key, p.Value)).OfType<WorkspaceChange>().ToList();
                if (files.Count > 0)
                {
                    Raise(FilesChanged, files);
                }
            }
        }
    }

    /// <summary>What a burst of events amounts to, judged by the first event and whether the file is there now.</summary>
    private WorkspaceChange? Settle(string relative, WorkspaceChangeKind? first)
    {
        if (first is null)
        {
            return null;
        }
        string full;
        try
        {
            full = _root.Resolve(relative);
        }
        catch (KiroException)
        {
            return null;
        }
        if (Directory.Exists(full))
        {
            return null;
        }
        if (File.Exists(full))
        {
            return new WorkspaceChange(relative, first == WorkspaceChangeKind.Created ? WorkspaceChangeKind.Created : WorkspaceChangeKind.Saved);
        }
        return first == WorkspaceChangeKind.Created ? null : new WorkspaceChange(relative, WorkspaceChangeKind.Deleted);
    }

    private static void Raise<T>(Action<T>? handlers, T value)
    {
        if (handlers is null)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<Action<T>>())
        {
            try
            {
                handler(value);
            }
            catch (Exception)
            {
                // A listener's failure must not stop the watching nor the other listeners; there is
                // no logger at this level, and listeners that care log their own errors.
            }
        }
    }
}
