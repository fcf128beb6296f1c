using System.Text.RegularExpressions;

namespace Kiro.Mcp.Specs.Execution;

/// <summary>
/// The code a task names: `backticked` spans, file paths and identifiers (camelCase, PascalCase,
/// snake_case, calls). A design section that mentions one of them describes what the task builds.
/// </summary>
public static partial class CodeTerms
{
    // Shorter names ("id", "add") would match too much prose.
    private const int MinLength = 4;

    public static IReadOnlyList<string> Of(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Backticked().Matches(text))
        {
            foreach (Match inner in Identifier().Matches(m.Groups[1].Value))
            {
                Add(terms, inner.Value);
            }
        }
        foreach (Match m in Identifier().Matches(text))
        {
            if (LooksLikeCode(m.Value))
            {
                Add(terms, m.Value);
            }
        }
        return [.. terms.Order(StringComparer.Ordinal)];
    }

    /// <summary>True when <paramref name="text"/> holds <paramref name="term"/> as a whole word (a path by its file name too).</summary>
    public static bool Mentions(string text, string term)
    {
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + term.Length >= text.Length ? ' ' : text[at + term.Length];
            if (!IsWordChar(before) && !IsWordChar(after))
            {
                return true;
            }
        }
        return false;
    }

    private static void Add(HashSet<string> terms, string candidate)
    {
        var term = candidate.TrimEnd('(', ')', '.');
        if (term.Length >= MinLength)
        {
            terms.Add(term);
            // "bin/todo.js" is also found where a design says "todo.js".
            if (term.Contains('/', StringComparison.Ordinal) && term[(term.LastIndexOf('/') + 1)..] is { Length: >= MinLength } name)
            {
                terms.Add(name);
            }
        }
    }

    private static bool LooksLikeCode(string word) =>
        word.Contains('/', StringComparison.Ordinal)
        || word.Contains('_', StringComparison.Ordinal)
        || word.EndsWith("()", StringComparison.Ordinal)
        || (word.Contains('.', StringComparison.Ordinal) && !word.EndsWith('.'))
        || HasInnerCapital(word);

    private static bool HasInnerCapital(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    // Words with the characters code names and paths use; a trailing "()" marks a call.
    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_./-]*[A-Za-z0-9_](\(\))?")]
    private static partial Regex Identifier();
}
