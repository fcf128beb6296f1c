using System.Runtime.CompilerServices;

namespace Kiro.Mcp.Server.Audit;

/// <summary>
/// Splits a log into its lines as raw bytes, so a line's hash is over exactly the bytes on disk (no
/// decoding or re-encoding in between). Also reads the last line of a file without reading the rest.
/// </summary>
internal static class AuditLines
{
    /// <summary>A line longer than this is not an entry the server wrote (it caps argument summaries); reading stops there.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <summary>Each line without its '\n', and whether a '\n' ended it (the last may lack one if a write was cut off).</summary>
    public static async IAsyncEnumerable<(byte[] Line, bool Terminated)> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var current = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }
                current.Write(buffer, start, i - start);
                yield return (current.ToArray(), true);
                current.SetLength(0);
                start = i + 1;
            }
            current.Write(buffer, start, read - start);
            if (current.Length > MaxLineBytes)
            {
                throw new InvalidDataException($"A line is longer than {MaxLineBytes} bytes: this is not an audit log.");
            }
        }
        if (current.Length > 0)
        {
            yield return (current.ToArray(), false);
        }
    }

    /// <summary>
    /// The last line of the file (without its '\n'), whether it ended with '\n', and the number of bytes;
    /// null for an empty file.
    /// </summary>
    public static (byte[] Line, bool Terminated)? Last(FileStream file)
    {
        var length = file.Length;
        if (length == 0)
        {
            return null;
        }
        var size = (int)Math.Min(length, MaxLineBytes + 1L);
        var tail = new byte[size];
        file.Seek(length - size, SeekOrigin.Begin);
        file.ReadExactly(tail);
        var terminated = tail[^1] == (byte)'\n';
        var end = terminated ? size - 1 : size;
        var start = end == 0 ? 0 : Array.LastIndexOf(tail, (byte)'\n', end - 1) + 1;
        if (start == 0 && size < length)
        {
            throw new InvalidDataException($"The last line is longer than {MaxLineBytes} bytes: this is not an audit log.");
        }
        return (tail[start..end], terminated);
    }
}
