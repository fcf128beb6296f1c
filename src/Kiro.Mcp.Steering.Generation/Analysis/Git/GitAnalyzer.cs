using LibGit2Sharp;

namespace Kiro.Mcp.Steering.Generation.Analysis.Git;

/// <summary>Reads history facts with LibGit2Sharp (no git executable), bounded for large histories.</summary>
public static class GitAnalyzer
{
    /// <summary>"Recently" means this many days before HEAD's commit date.</summary>
    public const int RecentDays = 90;

    // Diffing every commit of a long history is slow; the most recent ones say what is active.
    private const int MaxDiffedCommits = 400;
    private const int MaxFolders = 8;

    /// <summary>HEAD's sha, or null outside a repository or before the first commit.</summary>
    public static string? Head(string root)
    {
        using var repository = Open(root);
        return repository?.Head.Tip?.Sha;
    }

    public static GitFacts? Read(string root, CancellationToken cancellationToken)
    {
        using var repository = Open(root);
        var head = repository?.Head.Tip;
        if (repository is null || head is null)
        {
            return null;
        }
        var prefix = Prefix(root, Repository.Discover(root)!);
        var last = DateOnly.FromDateTime(head.Committer.When.UtcDateTime);
        var since = head.Committer.When.UtcDateTime.AddDays(-RecentDays);
        var commits = 0;
        var first = last;
        var authors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var recent = new List<Commit>();
        var filter = new CommitFilter { IncludeReachableFrom = head, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        foreach (var commit in repository.Commits.QueryBy(filter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            commits++;
            authors.Add(commit.Author.Email);
            var date = commit.Committer.When.UtcDateTime;
            if (DateOnly.FromDateTime(date) < first)
            {
                first = DateOnly.FromDateTime(date);
            }
            if (date >= since && recent.Count < MaxDiffedCommits)
            {
                recent.Add(commit);
            }
        }
        var folders = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var commit in recent)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parent = commit.Parents.FirstOrDefault();
            var touched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var change in repository.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree))
            {
                var path = change.Path.Replace('\\', '/');
                if (path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    touched.Add(FolderOf(path[prefix.Length..]));
                }
            }
            foreach (var folder in touched)
            {
                folders[folder] = folders.GetValueOrDefault(folder) + 1;
            }
        }
        var active = folders
            .OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal)
            .Take(MaxFolders)
            .Select(f => new FolderActivity(f.Key, f.Value))
            .ToList();
        return new GitFacts(head.Sha, first, last, commits, authors.Count, RecentDays, recent.Count, active);
    }

    /// <summary>The first two folders of a path ("src/App/Program.cs" → "src/App"), "." for files at the root.</summary>
    internal static string FolderOf(string path)
    {
        var parts = path.Split('/');
        return parts.Length switch
        {
            1 => ".",
            2 => parts[0],
            _ => parts[0] + "/" + parts[1],
        };
    }

    private static Repository? Open(string root)
    {
        var found = Repository.Discover(root);
        return found is null ? null : new Repository(found);
    }

    internal static string Prefix(string root, string gitFolder)
    {
        using var repository = new Repository(gitFolder);
        var top = Path.GetFullPath(repository.Info.WorkingDirectory ?? root);
        var relative = Path.GetRelativePath(top, Path.GetFullPath(root)).Replace('\\', '/');
        return relative == "." ? "" : relative + "/";
    }
}
