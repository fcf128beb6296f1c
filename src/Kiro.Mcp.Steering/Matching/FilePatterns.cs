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
    /// <summary>The longest glob accepted: real ones are a few dozen characters.</summary>
    public const int MaxPatternLength = 1_000;

    /// <summary>
    /// The most alternatives one glob may expand to, nested braces counted multiplied ("{a,b}/{c,d}" is
    /// four): expansion is done before matching, so this bounds the matcher's memory and time.
    /// </summary>
    public const int MaxAlternatives = 256;

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

    /// <summary>
    /// Every alternative of a pattern with braces: "src/*.{ts,tsx}" → ["src/*.ts", "src/*.tsx"]; none for a
    /// pattern that <see cref="Problem"/> refuses (it matches nothing, and its document says why).
    /// </summary>
    public static IReadOnlyList<string> ExpandBraces(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (Problem(pattern) is not null)
        {
            return [];
        }
        var results = new List<string>();
        Expand(pattern, results);
        return results;
    }

    /// <summary>
    /// Why a glob is refused, or null: longer than <see cref="MaxPatternLength"/>, or expanding to more
    /// than <see cref="MaxAlternatives"/> alternatives. Counted without expanding, so a hostile pattern
    /// costs one pass over its text.
    /// </summary>
    public static string? Problem(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length > MaxPatternLength)
        {
            return $"The glob '{Excerpt(pattern)}' is {pattern.Length:N0} characters long; globs may have up to {MaxPatternLength:N0}. It matches nothing until it is shortened.";
        }
        var position = 0;
        var count = Alternatives(pattern, ref position, nested: false);
        return count > MaxAlternatives
            ? $"The glob '{Excerpt(pattern)}' expands to more than {MaxAlternatives} alternatives ({{a,b}} braces multiply); it matches nothing until it is simplified or split into several globs."
            : null;
    }

    /// <summary>
    /// A pattern or path as the matcher wants it: '/' separators, without a leading "./" or "/"
    /// (patterns are relative to the workspace root).
    /// </summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Trim().Replace('\\', '/');
        // One cut at the end: cutting "./" at a time would copy a long "./././…" once per step.
        var start = 0;
        while (string.CompareOrdinal(normalized, start, "./", 0, 2) == 0)
        {
            start += 2;
        }
        return normalized[start..].TrimStart('/');
    }

    /// <summary>
    /// How many alternatives the text from <paramref name="position"/> expands to, up to the '}' that closes
    /// the enclosing brace when <paramref name="nested"/> (or the end), saturating just past the limit.
    /// Recursion follows brace nesting only, which the length limit bounds.
    /// </summary>
    private static long Alternatives(string pattern, ref int position, bool nested)
    {
        // The sum over the alternatives separated by ',' at this level (only inside braces), each the
        // product of the brace groups in it.
        long sum = 0;
        long product = 1;
        while (position < pattern.Length)
        {
            var c = pattern[position];
            if (c == '{')
            {
                var close = Closing(pattern, position);
                if (close < 0)
                {
                    // An unclosed brace is a literal character, as Expand reads it.
                    position++;
                    continue;
                }
                position++;
                product = Math.Min(product * Alternatives(pattern, ref position, nested: true), MaxAlternatives + 1);
                position++;
                continue;
            }
            if (nested && c == '}')
            {
                break;
            }
            if (nested && c == ',')
            {
                sum = Math.Min(sum + product, MaxAlternatives + 1);
                product = 1;
            }
            position++;
        }
        return Math.Min(sum + product, MaxAlternatives + 1);
    }

    private static string Excerpt(string pattern) => pattern.Length <= 60 ? pattern : $"{pattern[..60]}…";

    private static void Expand(string pattern, List<string> results)
    {
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
