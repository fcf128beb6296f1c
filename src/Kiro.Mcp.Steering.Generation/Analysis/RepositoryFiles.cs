namespace Kiro.Mcp.Steering.Generation.Analysis;

/// <summary>
/// The repository's files as generation sees them: relative, '/'-separated, sorted ordinal, without
/// build output, dependencies, VCS folders, git-ignored folders and .kiro itself.
/// </summary>
/// <param name="Files">Every file kept, sorted ordinal.</param>
/// <param name="StateHash">A hash of every file's path, size and modification time: equal hashes mean nothing changed on disk.</param>
/// <param name="Truncated">True when the walk stopped at <see cref="RepositoryScanner.MaxFiles"/>.</param>
public sealed record RepositoryFiles(IReadOnlyList<string> Files, string StateHash, bool Truncated)
{
    /// <summary>Files whose name (last segment) is <paramref name="name"/>, ordinal-insensitive.</summary>
    public IEnumerable<string> Named(string name) =>
        Files.Where(f => string.Equals(FileName(f), name, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<string> WithExtension(string extension) =>
        Files.Where(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    public bool Contains(string relativePath) => Files.Contains(relativePath, StringComparer.Ordinal);

    public static string FileName(string relativePath) => relativePath[(relativePath.LastIndexOf('/') + 1)..];

    public static string Folder(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? "" : relativePath[..slash];
    }
}
