namespace Kiro.Mcp.Workspace;

/// <summary>
/// One recursive <see cref="FileSystemWatcher"/> over the whole folder, for Windows and macOS, where a
/// recursive watch is one native handle (ReadDirectoryChangesW, FSEvents) whatever the tree's size.
/// Skipped folders are filtered by the watcher as events arrive.
/// </summary>
internal sealed class RecursiveWatchSource : WatchSource
{
    private readonly FileSystemWatcher _watcher;

    public RecursiveWatchSource(WorkspaceWatcher owner, string folderFull)
    {
        // No Filter such as "*.md": a filtered recursive watch misses files created in new
        // sub-folders on some systems. Everything is watched and filtered by the owner.
        _watcher = new FileSystemWatcher(folderFull)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Created += (_, e) => owner.OnEvent(e.FullPath, WorkspaceChangeKind.Created, scan: true);
        _watcher.Changed += (_, e) => owner.OnEvent(e.FullPath, WorkspaceChangeKind.Saved, scan: false);
        _watcher.Deleted += (_, e) => owner.OnEvent(e.FullPath, WorkspaceChangeKind.Deleted, scan: false);
        _watcher.Renamed += (_, e) => owner.OnRenamed(e.OldFullPath, e.FullPath);
        _watcher.Error += (_, _) => owner.ReportLostEvents();
    }

    public override int WatchCount => 1;

    public override void Start() => _watcher.EnableRaisingEvents = true;

    public override void Dispose() => _watcher.Dispose();
}
