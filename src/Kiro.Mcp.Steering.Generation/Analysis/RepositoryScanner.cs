using System.Security.Cryptography;
using System.Text;

namespace Kiro.Mcp.Steering.Generation.Analysis;

/// <summary>Walks the workspace once; everything else reads the list this produces.</summary>
public static class RepositoryScanner
{
    /// <summary>A bound on the walk so a mistaken workspace (a home folder) cannot take minutes.</summary>
    public const int MaxFiles = 200_000;

    // Output, dependency and tool folders: never the project's own source, and often huge.
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", ".hg", ".svn", ".kiro", ".vs", ".idea", ".vscode", "bin", "obj", "node_modules", "packages",
        "target", "dist", "out", "coverage", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache",
        ".gradle", ".next", ".nuxt", ".cache", "vendor", "TestResults", "BenchmarkDotNet.Artifacts",
    };

    /// <param name="isIgnored">Whether git ignores a folder (relative, '/'-separated); null outside a repository.</param>
    public static RepositoryFiles Scan(string root, Func<string, bool>? isIgnored, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var state = new List<string>();
        var pending = new Stack<string>();
        pending.Push("");
        var truncated = false;
        while (pending.Count > 0 && !truncated)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = pending.Pop();
            var full = relative.Length == 0 ? root : Path.Combine(root, relative);
            DirectoryInfo directory;
            FileSystemInfo[] entries;
            try
            {
                directory = new DirectoryInfo(full);
                entries = directory.GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                // Links are not followed: they may lead out of the workspace or round in a loop.
                if (entry.LinkTarget is not null)
                {
                    continue;
                }
                if (entry is DirectoryInfo)
                {
                    if (!Skipped.Contains(entry.Name) && isIgnored?.Invoke(path + "/") != true)
                    {
                        pending.Push(path);
                    }
                    continue;
                }
                var file = (FileInfo)entry;
                files.Add(path);
                state.Add($"{path}\0{file.Length}\0{file.LastWriteTimeUtc.Ticks}");
                if (files.Count >= MaxFiles)
                {
                    truncated = true;
                    break;
                }
            }
        }
        files.Sort(StringComparer.Ordinal);
        state.Sort(StringComparer.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', state))));
        return new RepositoryFiles(files, hash, truncated);
    }
}
