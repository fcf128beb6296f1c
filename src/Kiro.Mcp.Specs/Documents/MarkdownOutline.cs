using Markdig;
using Markdig.Syntax;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>The headings of a markdown text and the sections they open (headings inside code blocks are not headings).</summary>
public static class MarkdownOutline
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static IReadOnlyList<Heading> Parse(string text) => Parse(text, out _);

    /// <summary>Parses with Markdig; <paramref name="document"/> spans are offsets into the text without its BOM.</summary>
    internal static IReadOnlyList<Heading> Parse(string text, out MarkdownDocument document)
    {
        var bom = text.StartsWith('\uFEFF') ? 1 : 0;
        document = Markdown.Parse(text[bom..], Pipeline);
        var raw = document.Descendants<HeadingBlock>()
            .Select(h =>
            {
                var start = LineStart(text, h.Span.Start + bom);
                var bodyStart = LineEnd(text, h.Span.End + bom);
                return (h.Level, Text: HeadingText(text, start, bodyStart, h.IsSetext), Line: h.Line + 1, Start: start, BodyStart: bodyStart);
            })
            .OrderBy(h => h.Start)
            .ToList();
        var headings = new List<Heading>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var next = raw.Skip(i + 1).FirstOrDefault(h => h.Level <= raw[i].Level);
            var end = next.Text is null ? text.Length : next.Start;
            headings.Add(new Heading(raw[i].Level, raw[i].Text, raw[i].Line, raw[i].Start, raw[i].BodyStart, end));
        }
        return headings;
    }

    internal static int LineStart(string text, int offset)
    {
        var newline = offset <= 0 ? -1 : text.LastIndexOf('\n', Math.Min(offset, text.Length) - 1);
        return Math.Max(newline + 1, text.StartsWith('\uFEFF') && newline < 0 ? 1 : 0);
    }

    /// <summary>The offset just after the line ending of the line holding <paramref name="offset"/>.</summary>
    internal static int LineEnd(string text, int offset)
    {
        var newline = text.IndexOf('\n', Math.Min(Math.Max(offset, 0), text.Length));
        return newline < 0 ? text.Length : newline + 1;
    }

    private static string HeadingText(string text, int start, int end, bool setext)
    {
        var first = text[start..end].Split('\n')[0].TrimEnd('\r').Trim();
        return setext ? first : first.TrimStart('#').TrimEnd('#').Trim();
    }
}
