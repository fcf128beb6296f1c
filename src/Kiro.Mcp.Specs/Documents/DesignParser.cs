using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>Reads design.md: its sections and the correctness properties with the criteria each validates.</summary>
public static partial class DesignParser
{
    public static DesignDocument Parse(string text)
    {
        var markdown = ParsedMarkdown.Parse(text);
        var headings = markdown.Headings;

        // A property opens with a heading ("### Property 1: Title") or, as Kiro writes them in bugfix
        // designs, with a paragraph of its own ("Property 1: Bug Condition — …", "**Property 1: Title**").
        // Only top-level paragraphs count: "1. **Property 1**: …" in a testing-strategy list is a
        // reference to a property, not its definition.
        var starts = new List<(int Line, string Number, string Title, int Stop)>();
        foreach (var block in markdown.Document)
        {
            (string? first, int level) = block switch
            {
                HeadingBlock { IsSetext: false } heading => (MarkdownOutline.HeadingText(markdown.Lines[ParsedMarkdown.LineOf(heading)]), heading.Level),
                ParagraphBlock paragraph => (markdown.ContentLines(paragraph).Select(l => l.Text).FirstOrDefault(), 0),
                _ => (null, 0),
            };
            if (first is not null && PropertyTitle().Match(first.Trim()) is { Success: true } match)
            {
                var line = ParsedMarkdown.LineOf(block);
                // A heading property runs to the next heading of its level or above; a paragraph property to the next heading.
                var stop = markdown.Lines.Count + 1;
                for (var j = markdown.FirstHeadingAfter(line); j < headings.Count; j++)
                {
                    if (level == 0 || headings[j].Level <= level)
                    {
                        stop = headings[j].Line;
                        break;
                    }
                }
                starts.Add((line, match.Groups["n"].Value, TitleText(match.Groups["title"].Value), stop));
            }
        }

        var properties = new List<CorrectnessProperty>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var (line, number, title, stop) = starts[i];
            if (i + 1 < starts.Count)
            {
                stop = Math.Min(stop, starts[i + 1].Line);
            }
            IReadOnlyList<string> validates = [];
            var validatesLine = 0;
            // Paragraph lines only, so a "Validates" inside a code sample is not read.
            // A paragraph that starts above the property cannot reach into it: the property starts a block of its own.
            var candidates = markdown.ParagraphsWithin(line, stop)
                .SelectMany(markdown.ContentLines)
                .Where(l => l.Line > line && l.Line < stop)
                .OrderBy(l => l.Line);
            foreach (var (candidateLine, content) in candidates)
            {
                if (ReferenceIds.TryValidates(content, out var ids))
                {
                    (validates, validatesLine) = (ids, candidateLine);
                    break;
                }
            }
            properties.Add(new CorrectnessProperty(number, title, validates, line, validatesLine));
        }
        return new DesignDocument(headings, properties);
    }

    /// <summary>
    /// The title without what closes the line: up to three '*' or '_' at the very end and the blanks
    /// before them ("Title**" → "Title"), as the shortest title the pattern could take.
    /// </summary>
    private static string TitleText(string title)
    {
        var end = title.Length;
        while (end > 0 && title.Length - end < 3 && title[end - 1] is '*' or '_')
        {
            end--;
        }
        return title[..end].Trim();
    }

    // "Property 1: Title", "Property 1 - Title", "**Property 1: Title**", "**Property 1:** Title", "*Property 1*: Title".
    // The title takes the rest of the line; TitleText drops its closing emphasis. A lazy title before
    // "\s*[*_]{0,3}$" would retry a run of blanks at every position, the square of a long line.
    [GeneratedRegex(@"^[*_]{0,3}Property\s+(?<n>\d+)[*_]{0,3}\s*(?:[:.\-–—][*_]{0,3}\s*(?<title>.*)|[*_]{0,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex PropertyTitle();
}
