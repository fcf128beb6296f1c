using System.Threading.Channels;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// One inotify watch per folder that is not skipped, on the process's shared instance
/// (<see cref="InotifyHub"/>), for Linux.
/// </summary>
/// <remarks>
/// inotify is not recursive: a recursive FileSystemWatcher adds a watch on every folder of the tree,
/// skipped ones included, and the user's watches are limited (fs.inotify.max_user_watches, shared
/// with every other program). Watching folder by folder spends a watch only where a change can
/// matter. When the kernel refuses a watch (ENOSPC: out of watches; EMFILE: out of instances), or
/// <see cref="WatcherOptions.MaxWatches"/> is reached, the owner falls back to polling.
/// </remarks>
internal sealed class FolderWatchSource : WatchSource, IInotifyTarget
{
    // Renames seen leaving a folder, by cookie, so that the arrival can be told from a move in from
    // elsewhere. Bounded: a departure whose arrival never comes (moved out of the tree) is dropped.
    private const int MaxPendingRenames = 256;

    private readonly WorkspaceWatcher _owner;
    private readonly WorkspaceRoot _root;
    private readonly string _folderFull;
    private readonly IgnoreRules _rules;
    private readonly int? _maxWatches;
    private readonly WatchBudget? _budget;
    private readonly Lock _gate = new();
    // Full path of each watched folder → its watch descriptor.
    private readonly Dictionary<string, int> _watches = new(StringComparer.Ordinal);
    // Events are handled off the hub's thread, in order, so that walking a new folder never stalls
    // the reading of every other watcher's events.
    private readonly Channel<RawEvent> _events = Channel.CreateUnbounded<RawEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<uint> _departed = [];
    private InotifyHub? _hub;
    private bool _stopped;

    public FolderWatchSource(WorkspaceWatcher owner, WorkspaceRoot root, string folderFull, IgnoreRules rules, int? maxWatches, WatchBudget? budget)
    {
        _budget = budget;
        _owner = owner;
        _root = root;
        _folderFull = folderFull;
        _rules = rules;
        _maxWatches = maxWatches;
        _ = Task.Run(HandleEventsAsync);
    }

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

    public override void Start()
    {
        _hub = InotifyHub.Shared;
        AddTree(_folderFull);
    }

    public override void Resync()
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in FolderWalk.Folders(_root, _folderFull, _rules))
        {
            wanted.Add(folder);
            if (!Add(folder))
            {
                return;
            }
        }
        lock (_gate)
        {
            foreach (var (folder, wd) in _watches.Where(w => !wanted.Contains(w.Key)).ToList())
            {
                Release(folder, wd);
            }
        }
    }

    public override void Dispose()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
            foreach (var (folder, wd) in _watches.ToList())
            {
                Release(folder, wd);
            }
            _hub?.Forget(this);
        }
        _events.Writer.TryComplete();
    }

    public void OnEvent(int wd, string folder, string name, uint mask, uint cookie) =>
        _events.Writer.TryWrite(new RawEvent(folder, name, mask, cookie));

    public void OnOverflow() => _events.Writer.TryWrite(new RawEvent("", "", NativeInotify.QueueOverflow, 0));

    private async Task HandleEventsAsync()
    {
        await foreach (var e in _events.Reader.ReadAllAsync())
        {
            try
            {
                Handle(e);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // A folder vanished while being walked: its parent's event says so.
            }
        }
    }

    private void Handle(RawEvent e)
    {
        if (e.Mask == NativeInotify.QueueOverflow)
        {
            // Events were lost, folders may have appeared unwatched: watch what is there, and rescan.
            Resync();
            _owner.ReportLostEvents();
            return;
        }
        if (e.Name.Length == 0)
        {
            // An event on the watched folder itself (deleted, attributes): its parent reports the entry.
            return;
        }
        var full = Path.Join(e.Folder, e.Name);
        var isDirectory = (e.Mask & NativeInotify.IsDirectory) != 0;
        if ((e.Mask & NativeInotify.Create) != 0)
        {
            // Watch a new folder before the owner scans it, so nothing written in between is missed.
            if (isDirectory)
            {
                AddTree(full);
            }
            _owner.OnEvent(full, WorkspaceChangeKind.Created, scan: true);
        }
        else if ((e.Mask & NativeInotify.MovedTo) != 0)
        {
            if (isDirectory)
            {
                AddTree(full);
            }
            // A rename onto a name is a save of that name (editors save so); a move in from elsewhere is new.
            var renamed = _departed.Remove(e.Cookie);
            _owner.OnEvent(full, renamed ? WorkspaceChangeKind.Saved : WorkspaceChangeKind.Created, scan: true);
        }
        else if ((e.Mask & (NativeInotify.Delete | NativeInotify.MovedFrom)) != 0)
        {
            if (isDirectory)
            {
                RemoveTree(full);
            }
            if ((e.Mask & NativeInotify.MovedFrom) != 0)
            {
                if (_departed.Count >= MaxPendingRenames)
                {
                    _departed.Clear();
                }
                _departed.Add(e.Cookie);
            }
            _owner.OnEvent(full, WorkspaceChangeKind.Deleted, scan: false);
        }
        else if ((e.Mask & (NativeInotify.Modify | NativeInotify.Attrib)) != 0)
        {
            _owner.OnEvent(full, WorkspaceChangeKind.Saved, scan: false);
        }
    }

    /// <summary>Watches a folder and every folder under it that is not skipped.</summary>
    private void AddTree(string full)
    {
        foreach (var folder in FolderWalk.Folders(_root, full, _rules))
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
            if (_stopped || _hub is null)
            {
                return false;
            }
            if (_watches.ContainsKey(full))
            {
                return true;
            }
            if (_watches.Count >= _maxWatches)
            {
                refusal = $"The watch budget of {_maxWatches} folders is spent ({_root.FullPath} has more folders that its ignore rules do not exclude); watching by polling instead.";
            }
            else if (_budget is not null && !_budget.TryTake())
            {
                refusal = $"The server's shared budget of {_budget.Limit} file watches is spent; watching {_root.FullPath} by polling instead.";
            }
            else
            {
                try
                {
                    var wd = _hub.Add(full, this);
                    if (wd >= 0)
                    {
                        _watches[full] = wd;
                    }
                    else
                    {
                        _budget?.Return(1);
                    }
                }
                catch (IOException e)
                {
                    _budget?.Return(1);
                    refusal = $"The operating system refused another file watch ({e.Message}); watching by polling instead.";
                }
            }
        }
        if (refusal is not null)
        {
            _owner.Degrade(refusal);
            return false;
        }
        return true;
    }

    private void RemoveTree(string full)
    {
        var prefix = full + Path.DirectorySeparatorChar;
        lock (_gate)
        {
            foreach (var (folder, wd) in _watches.Where(w => w.Key == full || w.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                Release(folder, wd);
            }
        }
    }

    private void Release(string folder, int wd)
    {
        _watches.Remove(folder);
        _hub?.Remove(wd, this, folder);
        _budget?.Return(1);
    }

    private readonly record struct RawEvent(string Folder, string Name, uint Mask, uint Cookie);
}
