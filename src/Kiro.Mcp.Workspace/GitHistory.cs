using LibGit2Sharp;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// What git knows about the workspace, read with LibGit2Sharp (no git executable needed). Every
/// method answers null or empty outside a repository, so specs work in plain folders too.
/// </summary>
public sealed class GitHistory(WorkspaceRoot root)
{
    /// <summary>The commit HEAD points at, or null (no repository, or no commit yet).</summary>
    public string? Head()
    {
        using var repository = Open();
        return repository?.Head.Tip?.Sha;
    }

    /// <summary>Commits reachable from <paramref name="to"/> but not from <paramref name="from"/>, oldest first.</summary>
    public IReadOnlyList<GitCommit> CommitsBetween(string? from, string? to)
    {
        using var repository = Open();
        if (repository is null || to is null || from == to)
        {
            return [];
        }
        var filter = new CommitFilter { IncludeReachableFrom = to, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse };
        if (from is not null)
        {
            filter.ExcludeReachableFrom = from;
        }
        return repository.Commits.QueryBy(filter).Select(c => new GitCommit(c.Sha, c.MessageShort)).ToList();
    }

    /// <summary>Workspace files that differ between two commits, sorted.</summary>
    public IReadOnlyList<string> FilesChanged(string? from, string? to)
    {
        using var repository = Open();
        if (repository is null || to is null || from == to)
        {
            return [];
        }
        var newTree = repository.Lookup<Commit>(to)?.Tree;
        var oldTree = from is null ? null : repository.Lookup<Commit>(from)?.Tree;
        var prefix = RepositoryPrefix(repository);
        return repository.Diff.Compare<TreeChanges>(oldTree, newTree)
            .Select(change => change.Path.Replace('\\', '/'))
            .Where(path => path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(path => path[prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Largest file read from git history: far beyond any spec document, small enough to hold in memory.</summary>
    public const long MaxBlobBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The commit a revision names: a sha, branch, tag or expression such as "origin/main" or "HEAD~2". Null when there is
    /// no repository or nothing by that name.
    /// </summary>
    public string? Resolve(string revision)
    {
        using var repository = Open();
        if (repository is null || string.IsNullOrWhiteSpace(revision))
        {
            return null;
        }
        try
        {
            return repository.Lookup<Commit>(revision)?.Sha;
        }
        catch (LibGit2SharpException)
        {
            return null; // malformed or ambiguous: to the caller, the same as unknown
        }
    }

    /// <summary>
    /// A workspace file's text as of a commit; null when the commit has no such file, or it is a link (a link in history is
    /// as untrusted as one on disk), not a file, or larger than <see cref="MaxBlobBytes"/>.
    /// </summary>
    public string? ReadAt(string commit, string path)
    {
        using var repository = Open();
        if (repository?.Lookup<Commit>(commit) is not { } found)
        {
            return null;
        }
        var entry = found[RepositoryPrefix(repository) + path];
        return entry is { TargetType: TreeEntryTargetType.Blob, Mode: Mode.NonExecutableFile or Mode.ExecutableFile } && entry.Target is Blob { Size: <= MaxBlobBytes } blob
            ? blob.GetContentText()
            : null;
    }

    /// <summary>The names of the sub-folders of a workspace folder as of a commit, sorted; empty when it has none.</summary>
    public IReadOnlyList<string> FoldersAt(string commit, string folder)
    {
        using var repository = Open();
        if (repository?.Lookup<Commit>(commit) is not { } found || found[RepositoryPrefix(repository) + folder]?.Target is not Tree tree)
        {
            return [];
        }
        return tree.Where(e => e.TargetType == TreeEntryTargetType.Tree).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The newest committed text of a workspace file that <paramref name="matches"/> accepts, looking back through at most
    /// <paramref name="maxCommits"/> commits that changed it; null when none does (or outside a repository).
    /// </summary>
    public string? FindText(string path, Func<string, bool> matches, int maxCommits)
    {
        ArgumentNullException.ThrowIfNull(matches);
        using var repository = Open();
        if (repository is null || repository.Head.Tip is null)
        {
            return null;
        }
        var inRepository = RepositoryPrefix(repository) + path;
        foreach (var entry in repository.Commits.QueryBy(inRepository).Take(maxCommits))
        {
            if (entry.Commit[inRepository] is { TargetType: TreeEntryTargetType.Blob, Mode: Mode.NonExecutableFile or Mode.ExecutableFile } file
                && file.Target is Blob { Size: <= MaxBlobBytes } blob
                && blob.GetContentText() is var text
                && matches(text))
            {
                return text;
            }
        }
        return null;
    }

    private Repository? Open()
    {
        var found = Repository.Discover(root.FullPath);
        return found is null ? null : new Repository(found);
    }

    /// <summary>The workspace's folder inside the repository ("" when it is the repository's root).</summary>
    private string RepositoryPrefix(Repository repository)
    {
        var top = Path.GetFullPath(repository.Info.WorkingDirectory);
        var relative = Path.GetRelativePath(top, root.FullPath).Replace('\\', '/');
        return relative == "." ? "" : relative + "/";
    }
}
