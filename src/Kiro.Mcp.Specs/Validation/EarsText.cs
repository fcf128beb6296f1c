using System.Text.RegularExpressions;

namespace Kiro.Mcp.Specs.Validation;

/// <summary>Turns a criterion's markdown into <see cref="EarsToken"/>s for the EARS checks.</summary>
internal static partial class EarsText
{
    private static readonly Dictionary<string, EarsKeyword> s_english = new(StringComparer.Ordinal)
    {
        ["WHEN"] = EarsKeyword.When,
        ["WHILE"] = EarsKeyword.While,
        ["IF"] = EarsKeyword.If,
        ["WHERE"] = EarsKeyword.Where,
        ["THEN"] = EarsKeyword.Then,
        ["SHALL"] = EarsKeyword.Shall,
    };

    // Kiro writes specs in the user's language and translates the EARS keywords too (a real bugfix.md
    // reads "WENN ..., DANN SOLL das System ..."). These words are ordinary German prose in lower case,
    // so they only count when written in capitals, as Kiro does.
    private static readonly Dictionary<string, EarsKeyword> s_german = new(StringComparer.Ordinal)
    {
        ["WENN"] = EarsKeyword.When,
        ["SOBALD"] = EarsKeyword.When,
        ["SOLANGE"] = EarsKeyword.While,
        ["WÄHREND"] = EarsKeyword.While,
        ["FALLS"] = EarsKeyword.If,
        ["WO"] = EarsKeyword.Where,
        ["DANN"] = EarsKeyword.Then,
        ["SOLL"] = EarsKeyword.Shall,
        ["MUSS"] = EarsKeyword.Shall,
    };

    /// <summary>Words that qualify SHALL without being the response ("SHALL NOT", "SHALL CONTINUE TO").</summary>
    private static readonly HashSet<string> s_shallModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "NOT", "CONTINUE", "TO", "ALWAYS", "NICHT", "WEITERHIN",
    };

    private static readonly char[] s_markup = ['*', '`', '_', '~', '"', '\'', '“', '”', '‘', '’', '.', ':', '!', '?', '[', ']', '{', '}', '<', '>'];

    public static IReadOnlyList<EarsToken> Read(string text)
    {
        // Code spans hold identifiers and literals ("`if x then`"), never keywords, unless the span is
        // nothing but a keyword, which some authors use for emphasis.
        var plain = CodeSpan().Replace(text, m => Lookup(m.Groups[2].Value.Trim()) != EarsKeyword.None ? m.Groups[2].Value : " code ");
        // Parenthesised asides ("(fast-forward), THE ...") carry commas that separate no clause.
        for (var i = 0; i < 3; i++)
        {
            plain = Parenthesis().Replace(plain, " ");
        }
        plain = ListMarker().Replace(plain, string.Empty);

        var tokens = new List<EarsToken>();
        foreach (Match match in Piece().Matches(plain))
        {
            if (match.Value is "," or ";")
            {
                tokens.Add(new EarsToken(match.Value, EarsKeyword.None, false, true));
                continue;
            }
            var word = match.Value.Trim(s_markup);
            if (!word.Any(char.IsLetterOrDigit))
            {
                continue;
            }
            tokens.Add(new EarsToken(word, Lookup(word), IsCapitals(word), false));
        }
        return tokens;
    }

    public static bool IsShallModifier(EarsToken token) => s_shallModifiers.Contains(token.Word);

    private static EarsKeyword Lookup(string word)
    {
        var upper = word.ToUpperInvariant();
        if (s_english.TryGetValue(upper, out var keyword))
        {
            return keyword;
        }
        return IsCapitals(word) && s_german.TryGetValue(upper, out keyword) ? keyword : EarsKeyword.None;
    }

    private static bool IsCapitals(string word) => word.Any(char.IsLetter) && !word.Any(char.IsLower);

    [GeneratedRegex(@"(`+)(.*?)\1")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesis();

    // "1. ", "2.3 ", "- ", "> " or "- [ ] " in front of the sentence, in case a caller passes the raw line.
    [GeneratedRegex(@"^\s*(?:>\s*)*(?:(?:[-*+]\s+(?:\[.\]\s+)?)|(?:\d+(?:\.\d+)*[.)]?\s+))?")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"[,;]|[^\s,;]+")]
    private static partial Regex Piece();
}
