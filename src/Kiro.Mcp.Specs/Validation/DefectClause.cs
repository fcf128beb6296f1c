namespace Kiro.Mcp.Specs.Validation;

/// <summary>
/// Checks a bugfix current-behaviour clause (1.x): "WHEN &lt;condition&gt; THEN the system &lt;does the wrong thing&gt;".
/// It observes the defect, so unlike every other clause it must not say SHALL.
/// </summary>
internal static class DefectClause
{
    /// <summary>What is wrong with the clause, or null when it reads as an observation of the defect.</summary>
    public static string? Problem(string text)
    {
        var tokens = EarsText.Read(text);
        var first = tokens.FirstOrDefault(t => !t.IsComma);
        if (first.Keyword is not (EarsKeyword.When or EarsKeyword.If))
        {
            return "does not start with WHEN <condition>";
        }
        if (tokens.Any(t => t.Keyword == EarsKeyword.Shall))
        {
            return "says SHALL, which belongs in the expected (2.x) or unchanged (3.x) clauses";
        }
        var split = tokens.FindIndex(1, t => t.IsComma || t.Keyword == EarsKeyword.Then);
        if (split < 0 || split == tokens.Count - 1)
        {
            return "does not say THEN <what the system does now>";
        }
        return null;
    }

    private static int FindIndex(this IReadOnlyList<EarsToken> tokens, int start, Func<EarsToken, bool> match)
    {
        for (var i = start; i < tokens.Count; i++)
        {
            if (match(tokens[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
