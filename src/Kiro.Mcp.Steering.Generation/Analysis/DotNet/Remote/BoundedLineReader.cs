using System.Text;

namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;

/// <summary>
/// Reads '\n'-terminated lines of at most a given length. Another process's output is input like any other:
/// a line that never ends must not grow a string until memory runs out.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxLength)
{
    private readonly char[] _buffer = new char[4096];
    private int _start;
    private int _end;

    /// <summary>The next line without its terminator ('\r' before '\n' dropped), or null at the end of the stream.</summary>
    /// <exception cref="InvalidDataException">The line is longer than the limit.</exception>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
                if (_end == 0)
                {
                    return line.Length == 0 ? null : line.ToString();
                }
            }
            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            var take = (newline < 0 ? _end : newline) - _start;
            if (line.Length + take > maxLength)
            {
                throw new InvalidDataException($"A line is longer than {maxLength} characters.");
            }
            line.Append(_buffer, _start, take);
            if (newline >= 0)
            {
                _start = newline + 1;
                if (line.Length > 0 && line[^1] == '\r')
                {
                    line.Length--;
                }
                return line.ToString();
            }
            _start = _end;
        }
    }
}
