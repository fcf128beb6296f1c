namespace Kiro.Mcp.Steering.Generation.Analysis.Git;

/// <summary>
/// What the history says about the project. Dates come from commits (never the clock), so the same
/// HEAD gives the same facts; contributors are counted, never named.
/// </summary>
/// <param name="Head">The commit HEAD points at.</param>
/// <param name="FirstCommit">Committer date (UTC) of the oldest commit reachable from HEAD.</param>
/// <param name="LastCommit">Committer date (UTC) of HEAD.</param>
/// <param name="RecentDays">The window, ending at HEAD's date, that <paramref name="ActiveFolders"/> covers.</param>
public sealed record GitFacts(
    string Head,
    DateOnly FirstCommit,
    DateOnly LastCommit,
    int Commits,
    int Contributors,
    int RecentDays,
    int RecentCommits,
    IReadOnlyList<FolderActivity> ActiveFolders);
