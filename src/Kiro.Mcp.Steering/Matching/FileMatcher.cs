using Microsoft.Extensions.FileSystemGlobbing;

namespace Kiro.Mcp.Steering.Matching;

/// <summary>
/// Decides whether a workspace-relative path matches one of a document's fileMatch globs, with
/// Microsoft.Extensions.FileSystemGlobbing (case-insensitive, as Kiro's editor treats paths). A glob
/// without a '/' (e.g. "*.tsx") also matches that file name in any folder, the way Kiro's own
/// examples ("*.tsx" for React components) are meant.
/// </summary>
public sealed class FileMatcher
{
    private readonly List<(string Pattern, Matcher Matcher)> _matchers = [];

    public FileMatcher(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var pattern in patterns)
        {
            var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
            foreach (var alternative in FilePatterns.ExpandBraces(FilePatterns.Normalize(pattern)))
            {
                if (alternative.Length == 0)
                {
                    continue;
                }
                matcher.AddInclude(alternative);
                if (!alternative.Contains('/', StringComparison.Ordinal) && !alternative.StartsWith("**", StringComparison.Ordinal))
                {
                    matcher.AddInclude("**/" + alternative);
                }
            }
            _matchers.Add((pattern, matcher));
        }
    }

    /// <summary>The first pattern that matches <paramref name="relativePath"/>, or null.</summary>
    public string? FirstMatch(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = FilePatterns.Normalize(relativePath);
        if (path.Length == 0)
        {
            return null;
        }
        foreach (var (pattern, matcher) in _matchers)
        {
            if (matcher.Match(path).HasMatches)
            {
                return pattern;
            }
        }
        return null;
    }
}
