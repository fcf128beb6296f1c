using System.Text.RegularExpressions;

namespace Kiro.Mcp.Specs.Validation;

/// <summary>
/// Words that make a requirement untestable ("fast", "user-friendly", "etc."), found deterministically:
/// whole words or phrases, any case, outside code spans.
/// </summary>
public static partial class VagueTerms
{
    private enum Kind
    {
        Speed,
        Amount,
        Quality,
        OpenEnded,
    }

    // Grouped by the kind of measurable wording that replaces them. Words that are vague only in some
    // uses ("support", "clear", "relevant") are left out: a linter that cries wolf gets ignored.
    private static readonly (string Term, Kind Kind)[] s_terms =
    [
        ("fast", Kind.Speed), ("fast enough", Kind.Speed), ("quick", Kind.Speed), ("quickly", Kind.Speed),
        ("slow", Kind.Speed), ("slowly", Kind.Speed), ("efficient", Kind.Speed), ("efficiently", Kind.Speed),
        ("high performance", Kind.Speed), ("high-performance", Kind.Speed), ("performant", Kind.Speed),
        ("timely", Kind.Speed), ("as soon as possible", Kind.Speed), ("asap", Kind.Speed),

        ("some", Kind.Amount), ("several", Kind.Amount), ("many", Kind.Amount), ("few", Kind.Amount),
        ("minimal", Kind.Amount), ("maximize", Kind.Amount), ("minimize", Kind.Amount),
        ("optimal", Kind.Amount), ("optimally", Kind.Amount), ("sufficient", Kind.Amount), ("adequate", Kind.Amount),

        ("secure", Kind.Quality), ("scalable", Kind.Quality), ("intuitive", Kind.Quality),
        ("user-friendly", Kind.Quality), ("user friendly", Kind.Quality), ("robust", Kind.Quality),
        ("easy", Kind.Quality), ("easily", Kind.Quality), ("simple", Kind.Quality), ("flexible", Kind.Quality),
        ("seamless", Kind.Quality), ("seamlessly", Kind.Quality), ("graceful", Kind.Quality), ("gracefully", Kind.Quality),
        ("reasonable", Kind.Quality), ("reasonably", Kind.Quality), ("properly", Kind.Quality),
        ("appropriate", Kind.Quality), ("appropriately", Kind.Quality),

        ("etc.", Kind.OpenEnded), ("and so on", Kind.OpenEnded), ("as needed", Kind.OpenEnded),
        ("as appropriate", Kind.OpenEnded), ("and/or", Kind.OpenEnded), ("if possible", Kind.OpenEnded),
        ("usually", Kind.OpenEnded), ("normally", Kind.OpenEnded),
    ];

    private static readonly Dictionary<string, (string Term, Kind Kind)> s_byKey =
        s_terms.ToDictionary(t => Key(t.Term), StringComparer.Ordinal);

    // Longest first, so "fast enough" wins over "fast" and "as appropriate" over "appropriate".
    // A hyphen on either side means a different word ("fast-forward", "non-secure").
    private static readonly Regex s_pattern = new(
        @"(?<![\w-])(?:" + string.Join("|", s_terms
            .OrderByDescending(t => t.Term.Length).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Select(t => Regex.Escape(t.Term.TrimEnd('.')).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + (t.Term.EndsWith('.') ? @"\.?" : string.Empty)))
        + @")(?![\w-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Every term looked for, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = s_terms.Select(t => t.Term).ToArray();

    /// <summary>The vague terms in <paramref name="text"/>, lower case as listed in <see cref="All"/>, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = CodeSpan().Replace(text, m => new string(' ', m.Length));
        var found = new List<string>();
        foreach (Match match in s_pattern.Matches(plain))
        {
            var term = s_byKey[Key(match.Value)].Term;
            if (!found.Contains(term))
            {
                found.Add(term);
            }
        }
        return found;
    }

    /// <summary>A measurable replacement for <paramref name="term"/>, one sentence.</summary>
    internal static string Hint(string term) => s_byKey.TryGetValue(Key(term), out var entry) ? entry.Kind switch
    {
        Kind.Speed => $"Replace '{term}' with a measurable bound, e.g. 'within 200 ms' or 'at least 50 requests per second'.",
        Kind.Amount => $"Replace '{term}' with an exact number, range or limit, e.g. 'at most 3' or 'between 10 and 20'.",
        Kind.Quality => $"Replace '{term}' with the observable behaviour that shows it, e.g. what is displayed, returned, logged or rejected.",
        _ => $"Replace '{term}' with the complete list of cases or the exact condition.",
    } : $"Replace '{term}' with something a test can check.";

    private static string Key(string term) =>
        string.Join(' ', term.ToLowerInvariant().TrimEnd('.').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"(`+).*?\1")]
    private static partial Regex CodeSpan();
}
