using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// One Markdig parse of a document, shared by the parsers: the block tree (to know what is a list item,
/// a paragraph or code), the source lines (to read Kiro's syntax exactly as written) and the outline.
/// </summary>
internal sealed partial class ParsedMarkdown
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    // Markdig's spans are offsets into the text without its BOM.
    private readonly int _bom;

    private ParsedMarkdown(string text, MarkdownDocument document)
    {
        _bom = text.StartsWith('\uFEFF') ? 1 : 0;
        Lines = new SourceLines(text);
        Document = document;
        Headings = MarkdownOutline.Build(document, Lines);
    }

    public MarkdownDocument Document { get; }

    public SourceLines Lines { get; }

    public IReadOnlyList<Heading> Headings { get; }

    public string Text => Lines.Text;

    /// <summary>Every paragraph of the document, at any depth, in document order (so by line).</summary>
    public IReadOnlyList<ParagraphBlock> Paragraphs => _paragraphs ??= [.. Document.Descendants<ParagraphBlock>()];

    private List<ParagraphBlock>? _paragraphs;

    public static ParsedMarkdown Parse(string text)
    {
        // Markdig reads a BOM as text ("\uFEFF# Title" would not be a heading). Dropping it keeps
        // Markdig's line numbers valid for the original text; offsets are taken from SourceLines.
        var body = text.StartsWith('\uFEFF') ? text[1..] : text;
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(body, _pipeline);
        }
        catch (Exception)
        {
            // Markdig throws on pathological nesting ("depth limit exceeded"); such a file is not a
            // spec anyone wrote, and a parser must never throw, so it reads as a document with no blocks.
            document = new MarkdownDocument();
        }
        return new ParsedMarkdown(text, document);
    }

    /// <summary>The first line after <paramref name="heading"/>'s section (one past the last line at the end of the text).</summary>
    public int EndLine(Heading heading) => heading.End >= Text.Length ? Lines.Count + 1 : Lines.LineOf(heading.End);

    /// <summary>The 1-based source line of a block.</summary>
    public static int LineOf(Block block) => block.Line + 1;

    /// <summary>
    /// The source lines of a paragraph (or other leaf block), the first from where its content starts
    /// (after a list marker or "&gt; "), the others as written, less any quote markers.
    /// </summary>
    /// <remarks>
    /// Read from the source because Markdig releases a leaf block's own lines once it has parsed its inlines.
    /// </remarks>
    public IEnumerable<(int Line, string Text)> ContentLines(LeafBlock block)
    {
        var first = LineOf(block);
        var start = Math.Clamp(block.Span.Start + _bom, Lines.Start(first), Lines.End(first));
        var last = block.Span.End >= block.Span.Start ? Math.Max(Lines.LineOf(block.Span.End + _bom), first) : first;
        var quoted = false;
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            quoted |= parent is QuoteBlock;
        }
        yield return (first, Text[start..Lines.End(first)]);
        for (var line = first + 1; line <= last && line <= Lines.Count; line++)
        {
            yield return (line, quoted ? QuoteMarkers().Replace(Lines[line], "") : Lines[line]);
        }
    }

    /// <summary>
    /// The paragraphs that start at or after <paramref name="fromLine"/> and before <paramref name="toLine"/>,
    /// found by binary search: the parsers ask this once per requirement or property, and a walk over
    /// the whole document each time would make a large document cost the square of its size.
    /// </summary>
    public IEnumerable<ParagraphBlock> ParagraphsWithin(int fromLine, int toLine) => Slice(Paragraphs, fromLine, toLine);

    /// <summary>The top-level blocks that start at or after <paramref name="fromLine"/> and before <paramref name="toLine"/>.</summary>
    public IEnumerable<Block> TopLevelWithin(int fromLine, int toLine) => Slice(Document, fromLine, toLine);

    /// <summary>The index in <see cref="Headings"/> of the first heading below <paramref name="line"/> (their count when there is none).</summary>
    public int FirstHeadingAfter(int line)
    {
        var (low, high) = (0, Headings.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = Headings[middle].Line > line ? (low, middle) : (middle + 1, high);
        }
        return low;
    }

    private static IEnumerable<T> Slice<T>(IReadOnlyList<T> blocks, int fromLine, int toLine)
        where T : Block
    {
        var (low, high) = (0, blocks.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = LineOf(blocks[middle]) >= fromLine ? (low, middle) : (middle + 1, high);
        }
        for (var i = low; i < blocks.Count && LineOf(blocks[i]) < toLine; i++)
        {
            yield return blocks[i];
        }
    }

    /// <summary>Whether <paramref name="block"/> starts at or after <paramref name="fromLine"/> and before <paramref name="toLine"/>.</summary>
    public static bool Within(Block block, int fromLine, int toLine) => LineOf(block) >= fromLine && LineOf(block) < toLine;

    [GeneratedRegex(@"^[ \t]*(?:>[ \t]?)+")]
    private static partial Regex QuoteMarkers();
}
