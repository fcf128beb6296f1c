using System.Text;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// The last characters of a command's output, decoded as they arrive: a command printing 100 MB on
/// one line costs a few kilobytes here, never a string of its size. What falls off is only counted.
/// </summary>
internal sealed class OutputTail(int capacity)
{
    private readonly StringBuilder _text = new();

    public long TotalBytes { get; private set; }

    /// <summary>Appends a decoded chunk of <paramref name="bytes"/> bytes; the caller orders the streams.</summary>
    public void Append(ReadOnlySpan<char> text, int bytes)
    {
        TotalBytes += bytes;
        if (text.Length >= capacity)
        {
            // Only the end of a huge chunk can survive: skip the rest without copying it.
            _text.Clear();
            _text.Append(text[^capacity..]);
            return;
        }
        _text.Append(text);
        if (_text.Length > capacity * 2)
        {
            _text.Remove(0, _text.Length - capacity);
        }
    }

    public string Text =>
        _text.Length > capacity ? _text.ToString(_text.Length - capacity, capacity) : _text.ToString();

    /// <summary>Bytes read but not in <see cref="Text"/>.</summary>
    public long DroppedBytes => Math.Max(0, TotalBytes - Encoding.UTF8.GetByteCount(Text));
}
