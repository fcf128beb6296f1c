namespace Kiro.Mcp.Workspace;

/// <summary>
/// One non-recursive <see cref="FileSystemWatcher"/> per folder that is not skipped, for Linux.
/// </summary>
/// <remarks>
/// inotify is not recursive: a recursive FileSystemWatcher adds a watch on every folder of the tree,
/// skipped ones included, and the user's watches are limited (fs.inotify.max_user_watches, shared
/// with every other program). Watching folder by folder spends a watch only where a change can
/// matter. Since .NET 10 every FileSystemWatcher of the process shares one inotify instance
/// (dotnet/runtime#117148), so this costs no instance per folder (max_user_instances is often 128).
/// When the operating system refuses a watch (ENOSPC: out of watches; EMFILE: out of instances), or
/// <see cref="WatcherOptions.MaxWatches"/> is reached, the owner falls back to polling.
/// </remarks>
internal sealed class FolderWatchSource(WorkspaceWatcher owner, WorkspaceRoot root, string folderFull, IgnoreRules rules, int? maxWatches) : WatchSource
{
    public const NotifyFilters Filters = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;

    // errno values, the same on every Linux architecture.
    private const int NoSpace = 28;
    private const int TooManyOpenFiles = 24;

    private readonly Lock _gate = new();
    // Full path of each watched folder → its watch.
    private readonly Dictionary<string, FileSystemWatcher> _watches = new(StringComparer.Ordinal);
    private bool _stopped;

    public override int WatchCount
    {
        get
        {
            lock (_gate)
            {
                return _watches.Count;
            }
        }
    }

    public override void Start() => AddTree(folderFull);

    public override void Resync()
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in FolderWalk.Folders(root, folderFull, rules))
        {
            wanted.Add(folder);
            if (!Add(folder))
            {
                return;
            }
        }
        List<FileSystemWatcher> unwanted;
        lock (_gate)
        {
            unwanted = [.. _watches.Where(w => !wanted.Contains(w.Key)).Select(w => w.Value)];
            foreach (var key in _watches.Where(w => !wanted.Contains(w.Key)).Select(w => w.Key).ToList())
            {
                _watches.Remove(key);
            }
        }
        unwanted.ForEach(w => w.Dispose());
    }

    public override void Dispose()
    {
        List<FileSystemWatcher> all;
        lock (_gate)
        {
            _stopped = true;
            all = [.. _watches.Values];
            _watches.Clear();
        }
        all.ForEach(w => w.Dispose());
    }

    /// <summary>Watches a folder that appeared, and every folder under it that is not skipped.</summary>
    private void AddTree(string full)
    {
        foreach (var folder in FolderWalk.Folders(root, full, rules))
        {
            if (!Add(folder))
            {
                return;
            }
        }
    }

    /// <summary>False when watching has stopped (disposed, or the budget is spent and the owner now polls).</summary>
    private bool Add(string full)
    {
        string? refusal = null;
        lock (_gate)
        {
            if (_stopped)
            {
                return false;
            }
            if (_watches.ContainsKey(full))
            {
                return true;
            }
            if (_watches.Count >= maxWatches)
            {
                refusal = $"The watch budget of {maxWatches} folders is spent ({root.FullPath} has more folders that are not git-ignored); watching by polling instead.";
            }
            else
            {
                try
                {
                    _watches[full] = Watch(full);
                }
                catch (ArgumentException)
                {
                    // The folder vanished since it was listed; its parent reported that.
                }
                catch (IOException e)
                {
                    refusal = Refusal(e);
                }
            }
        }
        if (refusal is not null)
        {
            owner.Degrade(refusal);
            return false;
        }
        return true;
    }

    private FileSystemWatcher Watch(string full)
    {
        var watcher = new FileSystemWatcher(full) { IncludeSubdirectories = false, NotifyFilter = Filters };
        watcher.Created += (_, e) => OnCreated(e.FullPath);
        watcher.Changed += (_, e) => owner.OnEvent(e.FullPath, WorkspaceChangeKind.Saved, scan: false);
        watcher.Deleted += (_, e) =>
        {
            RemoveTree(e.FullPath);
            owner.OnEvent(e.FullPath, WorkspaceChangeKind.Deleted, scan: false);
        };
        watcher.Renamed += (_, e) =>
        {
            // The watch follows the folder, not its name: drop the old name's watches, watch the new name.
            RemoveTree(e.OldFullPath);
            if (Directory.Exists(e.FullPath))
            {
                AddTree(e.FullPath);
            }
            owner.OnRenamed(e.OldFullPath, e.FullPath);
        };
        watcher.Error += (sender, e) => OnError((FileSystemWatcher)sender, e.GetException());
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void OnCreated(string full)
    {
        // Watch a new folder before the owner scans it, so nothing written in between is missed.
        if (Directory.Exists(full))
        {
            AddTree(full);
        }
        owner.OnEvent(full, WorkspaceChangeKind.Created, scan: true);
    }

    private void OnError(FileSystemWatcher sender, Exception error)
    {
        lock (_gate)
        {
            // Errors of watches already replaced or removed are old news.
            if (_stopped || !_watches.ContainsValue(sender))
            {
                return;
            }
        }
        if (error is IOException { HResult: NoSpace or TooManyOpenFiles } refused)
        {
            owner.Degrade(Refusal(refused));
            return;
        }
        // The shared inotify queue overflowed (or failed): .NET stops it for every watcher of the
        // process, so all of this source's watches are dead. Watch everything again, then rescan.
        Rebuild();
        owner.ReportLostEvents();
    }

    private void Rebuild()
    {
        List<FileSystemWatcher> old;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            old = [.. _watches.Values];
            _watches.Clear();
        }
        old.ForEach(w => w.Dispose());
        AddTree(folderFull);
    }

    private void RemoveTree(string full)
    {
        var prefix = full + Path.DirectorySeparatorChar;
        List<FileSystemWatcher> removed = [];
        lock (_gate)
        {
            foreach (var key in _watches.Keys.Where(k => k == full || k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                removed.Add(_watches[key]);
                _watches.Remove(key);
            }
        }
        removed.ForEach(w => w.Dispose());
    }

    private static string Refusal(IOException e) =>
        $"The operating system refused another file watch ({e.Message}); watching by polling instead.";
}
