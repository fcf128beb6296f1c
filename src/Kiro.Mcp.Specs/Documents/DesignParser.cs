using System.Text.RegularExpressions;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>Reads design.md: its sections and the correctness properties with the criteria each validates.</summary>
public static partial class DesignParser
{
    public static DesignDocument Parse(string text)
    {
        var headings = MarkdownOutline.Parse(text, out _);
        var lines = new SourceLines(text);
        var starts = new List<(int Line, string Number, string Title)>();
        foreach (var heading in headings)
        {
            if (Property().Match(heading.Text) is { Success: true } match)
            {
                starts.Add((heading.Line, match.Groups["n"].Value, match.Groups["title"].Value.Trim()));
            }
        }
        for (var line = 1; line <= lines.Count; line++)
        {
            if (BoldProperty().Match(lines[line]) is { Success: true } match && starts.All(s => s.Line != line))
            {
                starts.Add((line, match.Groups["n"].Value, match.Groups["title"].Value.Trim()));
            }
        }
        starts.Sort((a, b) => a.Line.CompareTo(b.Line));
        var properties = new List<CorrectnessProperty>();
        for (var i = 0; i < starts.Count; i++)
        {
            var stop = i + 1 < starts.Count ? starts[i + 1].Line : headings.FirstOrDefault(h => h.Line > starts[i].Line && h.Level <= 2)?.Line ?? lines.Count + 1;
            IReadOnlyList<string> validates = [];
            var validatesLine = 0;
            for (var line = starts[i].Line + 1; line < stop && validatesLine == 0; line++)
            {
                if (ReferenceIds.TryValidates(lines[line], out var ids))
                {
                    (validates, validatesLine) = (ids, line);
                }
            }
            properties.Add(new CorrectnessProperty(starts[i].Number, starts[i].Title, validates, starts[i].Line, validatesLine));
        }
        return new DesignDocument(headings, properties);
    }

    [GeneratedRegex(@"^Property\s+(?<n>\d+)\s*[:.\-–—]\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Property();

    [GeneratedRegex(@"^\s*(?:[-*]\s+)?\*\*Property\s+(?<n>\d+)\s*[:.\-–—]\s*(?<title>[^*]*)\*\*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BoldProperty();
}
