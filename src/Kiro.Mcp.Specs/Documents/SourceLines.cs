namespace Kiro.Mcp.Specs.Documents;

/// <summary>A text split into lines with their offsets, for reading Kiro's line-oriented syntax exactly as written.</summary>
internal sealed class SourceLines
{
    private readonly List<int> _starts = [];

    public SourceLines(string text)
    {
        Text = text;
        _starts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _starts.Add(i + 1);
            }
        }
    }

    public string Text { get; }

    public int Count => _starts.Count;

    /// <summary>Line <paramref name="line"/> (1-based) without its line ending (and without a BOM on line 1).</summary>
    public string this[int line]
    {
        get
        {
            var start = Start(line);
            var end = line < _starts.Count ? _starts[line] : Text.Length;
            return Text[start..end].TrimEnd('\n').TrimEnd('\r');
        }
    }

    public int Start(int line) => _starts[line - 1] + (line == 1 && Text.StartsWith('\uFEFF') ? 1 : 0);

    public int LineOf(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }
}
