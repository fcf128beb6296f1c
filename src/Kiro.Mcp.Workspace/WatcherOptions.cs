namespace Kiro.Mcp.Workspace;

/// <summary>How a <see cref="WorkspaceWatcher"/> filters and batches.</summary>
public sealed record WatcherOptions
{
    /// <summary>The folders a whole-workspace watch skips: version control, build output and packages change in storms and are nobody's source.</summary>
    public static readonly IReadOnlySet<string> BuildFolders = new HashSet<string>(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules" };

    /// <summary>Folder names ignored at any depth (with everything under them).</summary>
    public IReadOnlySet<string> IgnoredFolders { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The longest a batch waits. Every event restarts the quiet period, so without this bound a
    /// folder that never goes quiet (a build writing constantly) would never be reported.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);
}
