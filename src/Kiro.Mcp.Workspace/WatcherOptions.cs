namespace Kiro.Mcp.Workspace;

/// <summary>How a <see cref="WorkspaceWatcher"/> filters, batches and spends operating-system watches.</summary>
public sealed record WatcherOptions
{
    /// <summary>
    /// The fixed folder names a whole-workspace watch used to skip. The server no longer uses them:
    /// the repository's ignore rules say what to skip (a Node project's bin/ is source).
    /// </summary>
    public static readonly IReadOnlySet<string> BuildFolders = new HashSet<string>(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules" };

    /// <summary>Folder names ignored at any depth (with everything under them), on top of the ignore rules.</summary>
    public IReadOnlySet<string> IgnoredFolders { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether folders the repository's ignore rules exclude (.gitignore files, .git/info/exclude)
    /// are skipped. .git and .kiro/.runtime are skipped and .kiro is watched either way.
    /// </summary>
    public bool UseIgnoreRules { get; init; } = true;

    /// <summary>
    /// The longest a batch waits. Every event restarts the quiet period, so without this bound a
    /// folder that never goes quiet (a build writing constantly) would never be reported.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The most operating-system watches this watcher may hold (on Linux, one per folder watched);
    /// past it, the watcher polls and raises <see cref="WorkspaceWatcher.Degraded"/>. Null: as many
    /// as the operating system gives. A budget keeps one huge repository from taking the user's
    /// whole inotify allowance, which every other program (IDEs, other workspaces) shares.
    /// </summary>
    public int? MaxWatches { get; init; }

    /// <summary>
    /// A budget shared with other watchers (one per workspace, say): past it, this watcher polls and
    /// raises <see cref="WorkspaceWatcher.Degraded"/>. Null: no shared budget, only <see cref="MaxWatches"/>.
    /// </summary>
    public WatchBudget? Budget { get; init; }

    /// <summary>How often a degraded watcher lists its folders to find changes.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
}
