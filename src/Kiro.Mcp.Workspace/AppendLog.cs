using System.Buffers;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// A workspace file written only by appending whole lines (a JSON Lines log), read incrementally: each read hands
/// its owner the complete lines added since the last one, so a long history is parsed once, not on every call.
/// Appends hold the file's <see cref="WriteLock"/>, so two processes appending at once never lose a line.
/// </summary>
/// <remarks>
/// <para>Every read checks that the bytes already known are still the file's first bytes (a read from the page
/// cache and a comparison, no parse and no hash), unless the file's stamp is one taken well after its last change
/// and still the same (<see cref="FileStamp.QuietBefore"/>, FileStore's rule): then it is not read at all. When they are not (the file was rewritten, truncated,
/// replaced or deleted) the owner is told to start over (<see cref="LogLines.Reset"/>) and gets every line.</para>
/// <para>A last line without its LF (a crash mid-append, or another process appending right now) is not handed
/// out until it is complete. The next append starts with an LF when the file does not end with one, so a line
/// left half-written by a crash becomes one malformed line of its own, which the owner skips, and no other line
/// is lost. Appends are not flushed to disk: bytes are only ever added after the old end, so whenever the machine
/// stops, the lines written before are intact and the last one is whole, partial or absent.</para>
/// <para>Not thread-safe by itself beyond its own gate: one instance per file per store, calls serialised.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The gate's wait handle is never asked for, so it holds nothing to dispose; a log lives as long as its index.")]
public sealed class AppendLog
{
    /// <summary>A log larger than this is refused rather than read into memory: no run history comes near it.</summary>
    public const int MaxLength = 64 * 1024 * 1024;

    private readonly FileStore _store;
    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[] _bytes = [];
    private int _length;
    private int _handedOut;
    private FileStamp? _quietStamp;
    // Where the last confined look went, and whether it found no file there: with the quiet stamp, what lets an
    // unchanged (or still missing) log be answered by one statx, without resolving, opening and closing it.
    private string? _physical;
    private bool _missing;
    private int _contentReads;
    private int _opens;

    internal AppendLog(FileStore store, string relativePath)
    {
        _store = store;
        _path = relativePath;
    }

    /// <summary>Tests only: how many reads looked at the file's content (not answered by its stamp alone).</summary>
    internal int ContentReads => Volatile.Read(ref _contentReads);

    /// <summary>Tests only: how many reads looked at the file the confined way (resolving, opening).</summary>
    internal int Opens => Volatile.Read(ref _opens);

    /// <summary>Hands the complete lines added since the last call to <paramref name="consume"/>, under the gate.</summary>
    public async Task<T> ReadAsync<T>(Func<LogLines, T> consume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consume);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return consume(Refresh());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Under the file's lock: hands the new lines to <paramref name="prepare"/>, appends the bytes it returns (whole
    /// lines, each ending in LF; nothing when null or empty), then hands the lines appended to <paramref name="consume"/>.
    /// </summary>
    public async Task<T> AppendAsync<T>(Func<LogLines, byte[]?> prepare, Func<LogLines, T> consume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentNullException.ThrowIfNull(consume);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var full = _store.Root.ResolveCore(_path).Physical;
            using var held = await WriteLock.AcquireAsync(_store.Root, full, _store.LockTimeout, cancellationToken);
            var record = prepare(Refresh());
            if (record is null || record.Length == 0)
            {
                return consume(new LogLines(false, ReadOnlyMemory<byte>.Empty));
            }
            if (record[^1] != (byte)'\n')
            {
                throw new ArgumentException("An appended record must end with a line feed.", nameof(prepare));
            }
            // A line left without its LF (a crash mid-append) is closed first, so it cannot swallow this record.
            var separator = _length > 0 && _bytes[_length - 1] != (byte)'\n' ? 1 : 0;
            var appended = new byte[separator + record.Length];
            if (separator == 1)
            {
                appended[0] = (byte)'\n';
            }
            record.CopyTo(appended, separator);
            using (var target = ConfinedFiles.Locate(_store.Root, _store.Root.ToRelative(full), createFolders: true))
            using (var handle = ConfinedFiles.OpenWrite(_store.Root, target, append: true)!)
            {
                // O_APPEND: the kernel puts the bytes at the end as it is now, in one write.
                RandomAccess.Write(handle, appended, RandomAccess.GetLength(handle));
            }
            // What this store now believes the file holds; the next read checks it against the disk.
            _quietStamp = null;
            _missing = false;
            Add(appended);
            return consume(HandOut(reset: false));
        }
        finally
        {
            _gate.Release();
        }
    }

    private LogLines Refresh()
    {
        if (Unchanged())
        {
            return HandOut(reset: false);
        }
        Interlocked.Increment(ref _opens);
        var physical = _store.Root.ResolveCore(_path).Physical;
        var (handle, _) = ConfinedFiles.OpenRead(_store.Root, _store.Root.ToRelative(physical));
        _physical = physical;
        _missing = handle is null;
        if (handle is null)
        {
            var had = _length > 0;
            _quietStamp = null;
            _length = 0;
            _handedOut = 0;
            return new LogLines(had, ReadOnlyMemory<byte>.Empty);
        }
        using (handle)
        {
            // As FileStore's reads: a stamp taken well after the file's last change vouches for its content.
            var checkedAt = DateTime.UtcNow;
            var stamp = FileStamp.Of(handle);
            if (stamp is not null && stamp == _quietStamp)
            {
                return HandOut(reset: false);
            }
            Interlocked.Increment(ref _contentReads);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxLength)
            {
                throw new KiroException("log_too_large",
                    $"'{_path}' is {length:N0} bytes, more than the {MaxLength:N0} the server reads. Move old lines out of it (or delete it) and retry.");
            }
            var reset = length < _length || !StartsWithKnown(handle);
            if (reset)
            {
                _length = 0;
                _handedOut = 0;
            }
            var size = (int)length - _length;
            if (size > 0)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(size);
                try
                {
                    var read = ReadAt(handle, buffer.AsSpan(0, size), _length);
                    Add(buffer.AsSpan(0, read));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            _quietStamp = stamp is { } s && (ulong)_length == s.Length && s.QuietBefore(checkedAt, _store.QuietMargin) ? s : null;
            return HandOut(reset);
        }
    }

    /// <summary>
    /// Whether statx of the path the last confined look went to finds what that look found: still no file, or the
    /// same file with the stamp it had when quiet (FileStore's rule, <see cref="KnownPaths"/>): then there is nothing
    /// new to hand out and nothing is opened. Any write, rename or unlink changes the stamp; a file or a link that
    /// appears ends "missing"; either sends the read the whole confined way again.
    /// </summary>
    private bool Unchanged()
    {
        if (_physical is null || (!_missing && _quietStamp is null))
        {
            return false;
        }
        var now = FileStamp.OfPath(_physical, out var missing);
        return _missing ? missing : now is not null && now == _quietStamp;
    }

    /// <summary>Whether the file still begins with the bytes read before.</summary>
    private bool StartsWithKnown(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (_length == 0)
        {
            return true;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(_length, 256 * 1024));
        try
        {
            for (var offset = 0; offset < _length;)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, Math.Min(buffer.Length, _length - offset)), offset);
                if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(_bytes.AsSpan(offset, read)))
                {
                    return false;
                }
                offset += read;
            }
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> into, long offset)
    {
        var total = 0;
        while (total < into.Length)
        {
            var read = RandomAccess.Read(handle, into[total..], offset + total);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }

    private void Add(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _bytes.Length)
        {
            var larger = new byte[Math.Max(_length + bytes.Length, Math.Max(4096, _bytes.Length * 2))];
            _bytes.AsSpan(0, _length).CopyTo(larger);
            _bytes = larger;
        }
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>The complete lines not yet handed out; a partial last line waits for its LF.</summary>
    private LogLines HandOut(bool reset)
    {
        var end = _bytes.AsSpan(_handedOut, _length - _handedOut).LastIndexOf((byte)'\n');
        if (end < 0)
        {
            return new LogLines(reset, ReadOnlyMemory<byte>.Empty);
        }
        var lines = _bytes.AsMemory(_handedOut, end + 1);
        _handedOut += end + 1;
        return new LogLines(reset, lines);
    }
}
