using LibGit2Sharp;

namespace Kiro.Mcp.Steering.Generation.Analysis.Git;

/// <summary>Git's ignore rules for one walk of the workspace (one repository handle, one thread).</summary>
public sealed class GitIgnore : IDisposable
{
    private readonly Repository _repository;
    private readonly string _prefix;

    private GitIgnore(Repository repository, string prefix)
    {
        _repository = repository;
        _prefix = prefix;
    }

    /// <summary>The rules of the repository holding <paramref name="root"/>, or null outside one.</summary>
    public static GitIgnore? Open(string root)
    {
        var found = Repository.Discover(root);
        return found is null ? null : new GitIgnore(new Repository(found), GitAnalyzer.Prefix(root, found));
    }

    /// <summary>Whether git ignores a workspace-relative path ('/'-separated; folders end in '/').</summary>
    public bool IsIgnored(string path) => _repository.Ignore.IsPathIgnored(_prefix + path);

    public void Dispose() => _repository.Dispose();
}
