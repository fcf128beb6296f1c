using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// The ATX headings (<c>#</c> … <c>######</c>) of a markdown text and the sections they open. Only
/// headings at the top level count: a <c>#</c> line inside a code block, a list item or a quote is
/// not a section of the document.
/// </summary>
public static partial class MarkdownOutline
{
    public static IReadOnlyList<Heading> Parse(string text) => ParsedMarkdown.Parse(text).Headings;

    internal static IReadOnlyList<Heading> Build(MarkdownDocument document, SourceLines lines)
    {
        var found = new List<(int Level, string Text, int Line)>();
        foreach (var block in document)
        {
            // Setext headings ("Title\n---") are left out: in spec files a "---" under a line of text
            // is far more often a rule the author meant than a section the author named.
            if (block is HeadingBlock { IsSetext: false } heading)
            {
                var line = ParsedMarkdown.LineOf(heading);
                found.Add((heading.Level, HeadingText(lines[line]), line));
            }
        }
        var headings = new List<Heading>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var end = lines.Text.Length;
            for (var j = i + 1; j < found.Count; j++)
            {
                if (found[j].Level <= found[i].Level)
                {
                    end = lines.Start(found[j].Line);
                    break;
                }
            }
            var (level, text, line) = found[i];
            headings.Add(new Heading(level, text, line, lines.Start(line), lines.Next(line), end));
        }
        return headings;
    }

    /// <summary>The text of an ATX heading line, read from the source so that inline markup stays as written.</summary>
    internal static string HeadingText(string line)
    {
        var match = AtxHeading().Match(line);
        if (!match.Success)
        {
            return line.Trim();
        }
        // CommonMark: a closing run of '#' counts only after a space ("# C#" is titled "C#").
        var text = match.Groups["text"].Value.Trim();
        return text.Trim('#').Length == 0 ? "" : ClosingSequence().Replace(text, "").TrimEnd();
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}(?:[ \t]+(?<text>.*))?$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"(?<![ \t])[ \t]+#+$")]
    private static partial Regex ClosingSequence();
}
