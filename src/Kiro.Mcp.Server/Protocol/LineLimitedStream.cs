using System.Buffers;

namespace Kiro.Mcp.Server.Protocol;

/// <summary>
/// Standard input for the stdio transport, one whole line at a time, with a bound on a line's length.
/// </summary>
/// <remarks>
/// The SDK reads stdin with <c>StreamReader.ReadLineAsync</c>, which holds a line of any length as one string
/// and then parses it: a 50 MB line took the process from 79 MB to 970 MB. Here a line is held back until its
/// newline arrives; one that grows past the limit is dropped as it streams in (only its first and last bytes
/// are kept, to find its JSON-RPC id) and replaced by the line <paramref name="replace"/> makes, so the reader
/// downstream never sees more than the limit and the next message is served as usual.
/// </remarks>
/// <param name="replace">Makes the line (without its newline) that stands for a dropped one.</param>
public sealed class LineLimitedStream(Stream inner, int maxLineBytes, Func<OversizedLine, byte[]> replace) : Stream
{
    private const int HeadBytes = 4096;
    private const int TailBytes = 1024;

    private readonly byte[] _read = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private readonly byte[] _tail = new byte[TailBytes];
    private byte[] _pending = [];
    private int _pendingOffset;
    private bool _dropping;
    private byte[] _head = [];
    private long _droppedLength;
    private int _tailLength;
    private bool _endOfInput;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_pendingOffset == _pending.Length)
        {
            if (_endOfInput)
            {
                return 0;
            }
            // Console streams ignore cancellation; WaitAsync lets shutdown stop waiting for input (as the SDK's own stdin wrapper does).
            var count = await inner.ReadAsync(_read, cancellationToken).AsTask().WaitAsync(cancellationToken);
            Accept(_read.AsSpan(0, count));
        }
        var length = Math.Min(buffer.Length, _pending.Length - _pendingOffset);
        _pending.AsSpan(_pendingOffset, length).CopyTo(buffer.Span);
        _pendingOffset += length;
        return length;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Takes what stdin gave and queues every line it completed (or the line's replacement).</summary>
    private void Accept(ReadOnlySpan<byte> input)
    {
        var output = new ArrayBufferWriter<byte>();
        if (input.IsEmpty)
        {
            // End of input: a last line without a newline is still a message.
            _endOfInput = true;
            EndLine(output);
        }
        while (!input.IsEmpty)
        {
            var newline = input.IndexOf((byte)'\n');
            var part = newline < 0 ? input : input[..newline];
            Append(part);
            if (newline < 0)
            {
                break;
            }
            EndLine(output);
            output.Write("\n"u8);
            input = input[(newline + 1)..];
        }
        _pending = output.WrittenSpan.ToArray();
        _pendingOffset = 0;
    }

    private void Append(ReadOnlySpan<byte> part)
    {
        if (!_dropping && _line.WrittenCount + part.Length > maxLineBytes)
        {
            // Too long: keep the head for the id, free the rest, and count from here on.
            _dropping = true;
            var held = _line.WrittenSpan;
            var fromPart = Math.Clamp(HeadBytes - held.Length, 0, part.Length);
            _head = [.. held[..Math.Min(HeadBytes, held.Length)], .. part[..fromPart]];
            _droppedLength = held.Length;
            _tailLength = 0;
            KeepTail(held);
            _line.ResetWrittenCount();
        }
        if (!_dropping)
        {
            _line.Write(part);
            return;
        }
        _droppedLength += part.Length;
        KeepTail(part);
    }

    private void KeepTail(ReadOnlySpan<byte> part)
    {
        if (part.Length >= TailBytes)
        {
            part[^TailBytes..].CopyTo(_tail);
            _tailLength = TailBytes;
            return;
        }
        var keep = Math.Min(_tailLength, TailBytes - part.Length);
        _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
        part.CopyTo(_tail.AsSpan(keep));
        _tailLength = keep + part.Length;
    }

    private void EndLine(ArrayBufferWriter<byte> output)
    {
        if (_dropping)
        {
            output.Write(replace(new OversizedLine(_droppedLength, _head, _tail[.._tailLength])));
            _dropping = false;
            _head = [];
        }
        else
        {
            output.Write(_line.WrittenSpan);
        }
        _line.ResetWrittenCount();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
