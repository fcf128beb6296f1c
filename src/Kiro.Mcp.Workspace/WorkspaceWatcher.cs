namespace Kiro.Mcp.Workspace;

/// <summary>
/// Watches one folder of the workspace (recursively) and reports what changed, once per quiet
/// period: editors, git and our own atomic writes produce bursts of events for one save, and
/// listeners want one signal with the distinct paths.
/// </summary>
/// <remarks>
/// Folders the repository's ignore rules exclude are skipped (see <see cref="IgnoreRules"/>), and on
/// Linux they cost no inotify watch: each folder that is not skipped gets its own (see
/// <see cref="FolderWatchSource"/>). When the operating system has no watch left, or
/// <see cref="WatcherOptions.MaxWatches"/> is reached, the watcher polls instead and raises
/// <see cref="Degraded"/>.
/// </remarks>
public sealed class WorkspaceWatcher : IDisposable
{
    // A folder that appears with files already in it (a copy, a git checkout) is scanned so that
    // files written before the watch on it existed are still reported; past this many entries the
    // folder itself is reported and listeners rescan it.
    private const int MaxScannedEntries = 1000;

    private readonly WorkspaceRoot _root;
    private readonly string _folder;
    private readonly TimeSpan _debounce;
    private readonly WatcherOptions _options;
    private readonly string _folderFull;
    private readonly IgnoreRules _rules;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private readonly Lock _sourceGate = new();
    private readonly Lock _raising = new();
    // Each path with the first thing that happened to it in this batch (null: a folder to rescan),
    // which is what tells a new file from a saved one once the batch is over.
    private readonly Dictionary<string, WorkspaceChangeKind?> _pending = new(StringComparer.Ordinal);
    private DateTime _batchDeadline;
    private WatchSource? _source;
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
        _folderFull = full;
        _rules = new IgnoreRules(root.FullPath, options.IgnoredFolders, options.UseIgnoreRules);
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
    /// the burst. A file created and saved is <see cref="WorkspaceChangeKind.Created"/>, and so is one saved
    /// into a folder that appeared in the same burst; one created and deleted again (a temp file) is not
    /// reported; folders and rescans are not reported here.
    /// </summary>
    public event Action<IReadOnlyList<WorkspaceChange>>? FilesChanged;

    /// <summary>
    /// Raised once, with a sentence saying why, when the watcher gives up operating-system watches
    /// and polls every <see cref="WatcherOptions.PollInterval"/> instead (the watch limit was hit).
    /// Changes are still reported, later and at a higher cost. May be raised during <see cref="Start"/>.
    /// </summary>
    public event Action<string>? Degraded;

    /// <summary>Why the watcher polls (the text <see cref="Degraded"/> carried), or null while it watches.</summary>
    public string? DegradedReason { get; private set; }

    /// <summary>
    /// How many operating-system watches this watcher holds now: on Linux one inotify watch per folder
    /// that is not skipped; on Windows and macOS one recursive watch; 0 before <see cref="Start"/>,
    /// after <see cref="Dispose"/> and while polling.
    /// </summary>
    public int WatchCount
    {
        get
        {
            lock (_sourceGate)
            {
                return _source?.WatchCount ?? 0;
            }
        }
    }

    /// <summary>Starts watching: on Linux this lists the folders that are not skipped and watches each.</summary>
    /// <summary>
    /// Narrows the watch to the root folder and .kiro (false), or widens it to every folder the ignore
    /// rules keep (true, the default). Only file hooks need the rest of the tree: a workspace without
    /// them costs a few watches instead of thousands. Watches are added or given back at once.
    /// </summary>
    public void WatchWholeWorkspace(bool whole)
    {
        if (!_rules.SetKiroOnly(!whole))
        {
            return;
        }
        WatchSource? source;
        lock (_sourceGate)
        {
            source = _source;
        }
        source?.Resync();
    }

    public void Start()
    {
        WatchSource source;
        lock (_sourceGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_source is not null)
            {
                return;
            }
            _source = source = OperatingSystem.IsLinux()
                ? new FolderWatchSource(this, _root, _folderFull, _rules, _options.MaxWatches, _options.Budget)
                : new RecursiveWatchSource(this, _folderFull);
        }
        try
        {
            source.Start();
        }
        catch (IOException e)
        {
            // No inotify instance to be had (EMFILE), or the folder is unreadable: polling still works.
            Degrade($"The operating system refused a file watch ({e.Message}); watching by polling instead.");
        }
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
        WatchSource? source;
        lock (_sourceGate)
        {
            source = _source;
            _source = null;
        }
        source?.Dispose();
        _timer.Dispose();
        _rules.Dispose();
    }

    /// <summary>The operating system dropped events (buffer overflow): listeners must rescan the folder.</summary>
    internal void ReportLostEvents() => Add(_folder, null);

    /// <summary>
    /// Stops watching and polls instead, once: the operating system refused a watch, or the budget
    /// is spent. Events between the last watch and the first poll may be lost, hence the rescan.
    /// </summary>
    internal void Degrade(string reason)
    {
        WatchSource? old;
        WatchSource polling;
        lock (_sourceGate)
        {
            if (_disposed || DegradedReason is not null)
            {
                return;
            }
            DegradedReason = reason;
            old = _source;
            _source = polling = new PollingWatchSource(this, _root, _folderFull, _rules, _options.PollInterval);
        }
        old?.Dispose();
        polling.Start();
        ReportLostEvents();
        Raise(Degraded, reason);
    }

    /// <summary>A rename onto a name is a save of that name (editors save so), and the old name is gone.</summary>
    internal void OnRenamed(string oldFullPath, string fullPath)
    {
        OnEvent(oldFullPath, WorkspaceChangeKind.Deleted, scan: false);
        OnEvent(fullPath, WorkspaceChangeKind.Saved, scan: true);
    }

    internal void OnEvent(string fullPath, WorkspaceChangeKind kind, bool scan)
    {
        // These handlers run on the watcher's own thread, where an exception would end the process.
        try
        {
            var relative = _root.ToRelative(fullPath);
            if (IsIgnored(relative, fullPath))
            {
                return;
            }
            if (IgnoreRules.IsRuleFile(relative))
            {
                // A .gitignore changed: what is skipped may have changed, and so what is watched.
                _rules.Reload();
                WatchSource? source;
                lock (_sourceGate)
                {
                    source = _source;
                }
                source?.Resync();
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
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var count = 0;
        // Skipped folders are not even listed: a node_modules moved in is not worth a thousand entries.
        foreach (var each in FolderWalk.Folders(_root, folder, _rules))
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(each, "*", options))
            {
                if (++count > MaxScannedEntries)
                {
                    Add(_root.ToRelative(folder), null);
                    return;
                }
                var relative = _root.ToRelative(entry);
                if (!IsIgnored(relative, entry))
                {
                    Add(relative, WorkspaceChangeKind.Created);
                }
            }
        }
    }

    // Temp files of the store are half-written documents; runtime data (.kiro/.runtime) and skipped folders are nobody's document.
    private bool IsIgnored(string relative, string fullPath) =>
        relative.EndsWith(FileStore.TempSuffix, StringComparison.Ordinal)
        || _rules.IsPathIgnored(relative, fullPath);

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
            if (kind == WorkspaceChangeKind.Saved && InFolderCreatedThisBatch(relative))
            {
                // A folder that appears is listed once its watch is added: a file written into it before then is found by the
                // listing (created), one renamed in after by its own event (a rename onto a name, a save). Which side of that
                // moment a tool's write falls on is chance, and "create" and "save" hooks must not depend on it.
                kind = WorkspaceChangeKind.Created;
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

    /// <summary>Whether a folder above <paramref name="relative"/> was created in the batch being gathered; under <see cref="_gate"/>.</summary>
    private bool InFolderCreatedThisBatch(string relative)
    {
        var folders = _pending.GetAlternateLookup<ReadOnlySpan<char>>();
        var path = relative.AsSpan();
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/'))
        {
            path = path[..slash];
            if (folders.TryGetValue(path, out var first) && first == WorkspaceChangeKind.Created)
            {
                return true;
            }
        }
        return false;
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
