using System.Text.RegularExpressions;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Impact;

/// <summary>
/// The revisions impact accepts: a branch, tag or sha, optionally with ~N or ^N ("origin/main", "v1.2", "HEAD~2").
/// A revision comes from a client or a CI script, so it is hostile: git's wider syntax is refused before it reaches
/// LibGit2Sharp, because it can name more than a commit — "A..B" ranges, "HEAD:path" trees and blobs, "@{…}" reflog
/// entries, and ".." steps that a reference lookup would join onto a path under .git.
/// </summary>
public static partial class RevisionName
{
    public const int MaxLength = 256;

    /// <exception cref="KiroException">revision_invalid, naming the argument.</exception>
    public static void Check(string argument, string? revision)
    {
        if (revision is null || revision.Length is 0 or > MaxLength || !Shape().IsMatch(revision)
            || revision.Contains("..", StringComparison.Ordinal) || revision.Contains("//", StringComparison.Ordinal) || revision.Contains("@{", StringComparison.Ordinal)
            || revision.Split('/').Any(part => part.StartsWith('.') || part.EndsWith(".lock", StringComparison.Ordinal)))
        {
            var shown = revision is null ? "nothing" : $"'{(revision.Length > 80 ? revision[..80] + "…" : revision)}'";
            throw new KiroException("revision_invalid",
                $"{argument} is {shown}, which is not a revision impact accepts. Pass a branch, tag or sha of this repository, optionally with ~N or ^N (e.g. 'main', 'origin/main', 'v1.2', 'HEAD~1'); ranges (..), paths (:), reflog entries (@{{) and names starting with '-' are refused.");
        }
    }

    // Never starting with '-' (an option to any git that sees it); names of the characters branch names use in practice
    // (letters, digits, . _ - / + # @ , = %); then any ~N / ^N steps. No ':', space, '{' or control character.
    [GeneratedRegex(@"^[A-Za-z0-9_@][A-Za-z0-9._/+#@,=%\-]*(?:[~^][0-9]{0,4})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
