using System.Text;

namespace Kiro.Mcp.Steering.Matching;

/// <summary>
/// The text handling around fileMatch globs that the globbing library leaves to us: a comma-separated
/// <c>fileMatchPattern</c> string (real repositories write "**/*.ts,**/*.tsx"), brace alternatives
/// ("**/*.{ts,tsx}", which Kiro's globs accept and Microsoft.Extensions.FileSystemGlobbing does not),
/// and the spelling of paths.
/// </summary>
public static class FilePatterns
{
    // A ceiling on what one pattern can expand to, so "{a,b}{c,d}{e,f}…" cannot blow up.
    private const int MaxExpansions = 64;

    /// <summary>Splits at commas outside braces and drops empty entries: "a/*.ts, {b,c}/*.md" → ["a/*.ts", "{b,c}/*.md"].</summary>
    public static List<string> Split(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in value)
        {
            depth += c switch { '{' => 1, '}' when depth > 0 => -1, _ => 0 };
            if (c == ',' && depth == 0)
            {
                Add(parts, current);
                continue;
            }
            current.Append(c);
        }
        Add(parts, current);
        return parts;
    }

    /// <summary>Every alternative of a pattern with braces: "src/*.{ts,tsx}" → ["src/*.ts", "src/*.tsx"].</summary>
    public static IReadOnlyList<string> ExpandBraces(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var results = new List<string>();
        Expand(pattern, results);
        return results;
    }

    /// <summary>
    /// A pattern or path as the matcher wants it: '/' separators, without a leading "./" or "/"
    /// (patterns are relative to the workspace root).
    /// </summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Trim().Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }
        return normalized.TrimStart('/');
    }

    private static void Expand(string pattern, List<string> results)
    {
        if (results.Count >= MaxExpansions)
        {
            return;
        }
        var open = pattern.IndexOf('{', StringComparison.Ordinal);
        var close = open < 0 ? -1 : Closing(pattern, open);
        if (close < 0)
        {
            results.Add(pattern);
            return;
        }
        var prefix = pattern[..open];
        var suffix = pattern[(close + 1)..];
        foreach (var alternative in Split(pattern[(open + 1)..close]).DefaultIfEmpty(""))
        {
            Expand(prefix + alternative + suffix, results);
        }
    }

    private static int Closing(string pattern, int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            depth += pattern[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static void Add(List<string> parts, StringBuilder current)
    {
        var part = current.ToString().Trim();
        if (part.Length > 0)
        {
            parts.Add(part);
        }
        current.Clear();
    }
}
