using System.Buffers;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Bytes in an array rented from the shared pool: a spec document read or written on every call would
/// otherwise be a new large-object allocation each time. Dispose returns the array.
/// </summary>
internal sealed class PooledBytes : IDisposable
{
    private byte[]? _array;

    private PooledBytes(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    /// <summary>The text encoded as UTF-8 without a byte-order mark (a BOM in the text is U+FEFF and stays).</summary>
    public static PooledBytes Encode(string text)
    {
        var length = FileStore.Utf8.GetByteCount(text);
        var array = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        return new PooledBytes(array, FileStore.Utf8.GetBytes(text, array));
    }

    /// <summary>Reads the stream to its end, whatever its length says (a file may grow while it is read, a pipe has none).</summary>
    public static async Task<PooledBytes> ReadAsync(FileStream stream, CancellationToken cancellationToken)
    {
        var expected = stream.CanSeek ? stream.Length : 0;
        var array = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(expected + 1, 4096, Array.MaxLength));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == array.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)array.Length * 2, Array.MaxLength));
                    array.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(array);
                    array = larger;
                }
                var read = await stream.ReadAsync(array.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    return new PooledBytes(array, length);
                }
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }
    }

    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            Length = 0;
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
