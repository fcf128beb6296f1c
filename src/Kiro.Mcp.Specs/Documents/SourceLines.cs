namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// A text split into lines with their offsets, for reading Kiro's line-oriented syntax exactly as
/// written. Lines break at "\r\n", "\n" and a lone "\r", as Markdig breaks them, so Markdig's line
/// numbers index this list.
/// </summary>
internal sealed class SourceLines
{
    // _starts[i] is the offset of line i + 1; _ends[i] the offset of its line ending (or the text's end).
    private readonly List<int> _starts = [];
    private readonly List<int> _ends = [];

    public SourceLines(string text)
    {
        Text = text;
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                _starts.Add(start);
                _ends.Add(i);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        _starts.Add(start);
        _ends.Add(text.Length);
    }

    public string Text { get; }

    public int Count => _starts.Count;

    /// <summary>Line <paramref name="line"/> (1-based) without its line ending (and without a BOM on line 1); "" outside the text.</summary>
    public string this[int line] => line >= 1 && line <= Count ? Text[_starts[line - 1].._ends[line - 1]] : "";

    /// <summary>Offset of the line's first character (after the BOM on line 1).</summary>
    public int Start(int line) => _starts[Math.Clamp(line, 1, Count) - 1];

    /// <summary>Offset of the line's line ending (or the text's end).</summary>
    public int End(int line) => _ends[Math.Clamp(line, 1, Count) - 1];

    /// <summary>Offset just after the line's line ending: the start of the next line, or the text's end.</summary>
    public int Next(int line) => line < Count ? _starts[Math.Max(line, 1)] : Text.Length;

    /// <summary>The 1-based line holding <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return Math.Max(index >= 0 ? index + 1 : ~index, 1);
    }
}
