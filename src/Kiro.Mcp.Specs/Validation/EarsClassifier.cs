namespace Kiro.Mcp.Specs.Validation;

/// <summary>
/// Tells which EARS pattern an acceptance criterion follows. Reads both of Kiro's generations
/// ("WHEN x THEN the system SHALL y" and "WHEN x, THE System SHALL y") and is deliberately lenient
/// about everything but the essentials: a SHALL, a response after it, a condition after a preamble
/// keyword, and a subject before SHALL.
/// </summary>
public static class EarsClassifier
{
    public static EarsPattern Classify(string criterion) => Analyze(criterion).Pattern;

    /// <summary>The pattern and, when it is <see cref="EarsPattern.Unrecognized"/>, why (for a finding's message).</summary>
    internal static (EarsPattern Pattern, string? Problem) Analyze(string criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        var tokens = EarsText.Read(criterion);

        var shall = IndexOf(tokens, EarsKeyword.Shall, 0);
        if (shall < 0)
        {
            return (EarsPattern.Unrecognized, "it has no SHALL");
        }
        if (!HasResponse(tokens, shall))
        {
            return (EarsPattern.Unrecognized, "nothing follows SHALL");
        }
        var preamble = tokens.Take(shall).ToList();
        var first = preamble.FindIndex(t => !t.IsComma);
        if (first < 0)
        {
            return (EarsPattern.Unrecognized, "it does not name the system that SHALL act");
        }
        return preamble[first].IsPreamble ? Conditional(preamble, first) : Ubiquitous(preamble);
    }

    private static (EarsPattern, string?) Ubiquitous(List<EarsToken> preamble)
    {
        // "On startup, the app SHALL" or "The app WHEN idle SHALL" carry a condition EARS has no slot for.
        var misplaced = preamble.Any(t => t.IsComma || (t.Upper && (t.IsPreamble || t.Keyword == EarsKeyword.Then)));
        return misplaced
            ? (EarsPattern.Unrecognized, "its condition is not introduced by a leading WHEN, WHILE, IF or WHERE")
            : (EarsPattern.Ubiquitous, null);
    }

    private static (EarsPattern, string?) Conditional(List<EarsToken> preamble, int first)
    {
        // The condition runs from the keyword to the first comma or THEN; it must say something.
        var conditionWords = preamble.Skip(first + 1)
            .TakeWhile(t => !t.IsComma && t.Keyword != EarsKeyword.Then)
            .Count();
        if (conditionWords == 0)
        {
            return (EarsPattern.Unrecognized, $"{preamble[first].Word.ToUpperInvariant()} has no condition after it");
        }

        // Later keywords count only in capitals: "WHEN the user types where the cursor is" is one event.
        var kinds = new List<EarsKeyword> { preamble[first].Keyword };
        foreach (var token in preamble.Skip(first + 1))
        {
            if (token.IsPreamble && token.Upper && !kinds.Contains(token.Keyword))
            {
                kinds.Add(token.Keyword);
            }
        }
        if (kinds.Count > 1)
        {
            return (EarsPattern.Complex, null);
        }
        return (kinds[0] switch
        {
            EarsKeyword.When => EarsPattern.EventDriven,
            EarsKeyword.While => EarsPattern.StateDriven,
            EarsKeyword.If => EarsPattern.Unwanted,
            _ => EarsPattern.Optional,
        }, null);
    }

    private static bool HasResponse(IReadOnlyList<EarsToken> tokens, int shall)
    {
        for (var i = shall + 1; i < tokens.Count; i++)
        {
            if (!tokens[i].IsComma && !EarsText.IsShallModifier(tokens[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static int IndexOf(IReadOnlyList<EarsToken> tokens, EarsKeyword keyword, int start)
    {
        for (var i = start; i < tokens.Count; i++)
        {
            if (tokens[i].Keyword == keyword)
            {
                return i;
            }
        }
        return -1;
    }
}
