using System.Globalization;

namespace Kiro.Mcp.Specs.Validation;

/// <summary>Duplicate and missing numbers in a list numbered as written (requirements, or criteria of one requirement).</summary>
internal static class Numbering
{
    /// <summary>Each repeated id after its first use, with the line of that first use.</summary>
    public static IEnumerable<(string Id, int Line, int FirstLine)> Duplicates(IEnumerable<(string Id, int Line)> items)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, line) in items)
        {
            if (!first.TryAdd(id, line))
            {
                yield return (id, line, first[id]);
            }
        }
    }

    /// <summary>
    /// Each run of missing numbers From..To between 1 and the highest number, with the line of the first
    /// item numbered above the run (where a reader notices the jump). Computed over the whole list, so
    /// items out of order do not report a gap they fill later.
    /// </summary>
    public static IEnumerable<(int From, int To, int Line)> Gaps(IReadOnlyList<(int Number, int Line)> items)
    {
        var previous = 0;
        // The first item above a run only moves forward as the runs go up, so one pointer finds them all
        // (a search from the start for each run cost the square of the list for "1, 3, 5, …").
        var first = 0;
        foreach (var number in items.Select(i => i.Number).Distinct().Order())
        {
            if (number > previous + 1)
            {
                var to = number - 1;
                while (items[first].Number <= to)
                {
                    first++;
                }
                yield return (previous + 1, to, items[first].Line);
            }
            previous = number;
        }
    }

    /// <summary>The number after the last dot ("2.3" gives 3, "4" gives 4), or null when it is not a positive number.</summary>
    public static int? LastNumber(string id) => Whole(id[(id.LastIndexOf('.') + 1)..]);

    /// <summary>The id as a positive number ("4" gives 4), or null for anything else ("4a", "1.2").</summary>
    public static int? Whole(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>"3" or "3–5", for messages.</summary>
    public static string Range(string prefix, int from, int to) =>
        from == to ? $"{prefix}{from}" : $"{prefix}{from}–{prefix}{to}";
}
