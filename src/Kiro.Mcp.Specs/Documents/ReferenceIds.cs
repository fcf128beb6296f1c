using System.Text.RegularExpressions;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// Reads criterion ids from Kiro's traceability lines: <c>_Requirements: 1.1, 2.3_</c>,
/// <c>**Requirements:** 1.1</c>, <c>**Validates: Requirements 1.1, 5.5**</c>, <c>_Validates: 2.1_</c>.
/// </summary>
internal static partial class ReferenceIds
{
    public static bool TryRequirements(string line, out IReadOnlyList<string> ids) => TryRead(RequirementsLine(), line, out ids);

    public static bool TryValidates(string line, out IReadOnlyList<string> ids) => TryRead(ValidatesLine(), line, out ids);

    /// <summary>
    /// The id-like tokens (<c>1</c>, <c>2.3</c>, <c>1.2.1</c>) of a list such as "1.1, 2.3" or
    /// "Requirements 1.1 and 1.3". Text after another label ("11.1; Design: Components &gt; 1")
    /// is not part of the list.
    /// </summary>
    public static IReadOnlyList<string> Parse(string list)
    {
        var label = Label().Match(list);
        var segment = label.Success ? list[..label.Index] : list;
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Separators().Split(segment))
        {
            var id = token.Trim('*', '_', '.', ':', '(', ')', '[', ']', '`', '"', '\'');
            if (Id().IsMatch(id) && seen.Add(id))
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    private static bool TryRead(Regex pattern, string line, out IReadOnlyList<string> ids)
    {
        var match = pattern.Match(line);
        ids = match.Success ? Parse(match.Groups["ids"].Value) : [];
        return match.Success;
    }

    // Leading markup of a detail ("- ", "> ", "_", "**") may precede the label.
    [GeneratedRegex(@"^[\s>*_-]*Requirements?[*_]*\s*[:：]\s*(?<ids>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RequirementsLine();

    [GeneratedRegex(@"^[\s>*_-]*Validates\b[*_]*\s*[:：]?[*_\s]*(?:Requirements?\b)?(?<ids>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ValidatesLine();

    // A word followed by a colon ("Design:", "Bug_Condition:") starts another label. Matching starts
    // only at a word's first letter, which keeps a long line linear.
    [GeneratedRegex(@"(?<![\w-])[A-Za-z][\w-]*[*_]*[ \t]*[:：]")]
    private static partial Regex Label();

    // "-" and "–" split ranges ("1.1–1.3") into their ends; ids themselves hold only digits and dots.
    [GeneratedRegex(@"[\s,;/&+–—-]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\d+(?:\.\d+)*$")]
    private static partial Regex Id();
}
