using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Reads and writes workspace files as text with a content version. Writes are atomic (temp file,
/// flush, rename), hold the file's <see cref="WriteLock"/> (one writer at a time, across processes)
/// and are checked against the version the writer read, so concurrent writers (two clients, two
/// servers, or a client and an editor) never silently overwrite each other.
/// </summary>
/// <remarks>
/// Text is decoded as UTF-8 without stripping a BOM (it stays as U+FEFF at index 0) and line endings
/// are left alone, so a file read and written back unchanged keeps every byte.
/// The last text of each file is kept (<see cref="FileTextCache"/>): a read hashes the bytes it read and,
/// when they are what it knows, answers with the known string; a file untouched since a read well after
/// its last change is not read again at all (<see cref="FileStamp"/>). Either way every read answers with
/// what is on disk now, so an edit made in an editor is seen at once.
/// </remarks>
public sealed class FileStore(WorkspaceRoot root)
{
    /// <summary>Pass as <c>expectedVersion</c> to create a file that must not exist yet.</summary>
    public const string Absent = "absent";

    internal const string TempSuffix = ".kiro-tmp";

    /// <summary>The smallest unit a disk writes whole (a logical sector): a change inside one is written all or not at all.</summary>
    internal const int SectorSize = 512;

    /// <summary>
    /// How many times a write starts over because the file changed on disk between its read and its
    /// rename (an editor takes no lock) before it gives up with "busy".
    /// </summary>
    internal const int MaxRounds = 5;

    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly FileTextCache _texts = new();
    private readonly KnownPaths _paths = new();
    private int _contentReads;
    private int _decodes;

    public WorkspaceRoot Root { get; } = root;

    /// <summary>How long a write waits for the file's lock before it fails with "busy".</summary>
    public TimeSpan LockTimeout { get; init; } = WriteLock.DefaultTimeout;

    /// <summary>Tests only: runs just before the final check against the disk, where an editor's save is simulated.</summary>
    internal Action? BeforeFinalCheck { get; set; }

    /// <summary>
    /// How long a file must have been unchanged before its stamp alone vouches for its content: longer than
    /// the file system clock's tick (a few milliseconds), with room for a clock that is stepped a little.
    /// </summary>
    internal TimeSpan QuietMargin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Tests only: how many times <see cref="ReadAsync"/> read a file's content from disk.</summary>
    internal int ContentReads => Volatile.Read(ref _contentReads);

    /// <summary>Tests only: how many reads and folder checks were answered by a path's unchanged stamp alone (<see cref="KnownPaths"/>).</summary>
    internal int StampAnswers => _paths.Answers;

    /// <summary>Tests only: how many times bytes read from disk were decoded into a new string.</summary>
    internal int Decodes => Volatile.Read(ref _decodes);

    /// <summary>The first 16 hex digits of the SHA-256 of the bytes <paramref name="text"/> is written as.</summary>
    public static string ComputeVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var bytes = PooledBytes.Encode(text);
        return VersionOf(bytes.Span);
    }

    /// <summary>The version of these bytes: the first 16 hex digits of their SHA-256.</summary>
    private static string VersionOf(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>The file's text and version, or null when there is no such file.</summary>
    public async Task<VersionedText?> ReadAsync(string relativePath, CancellationToken cancellationToken)
    {
        if (_paths.TryFile(relativePath, out var unchanged))
        {
            return unchanged;
        }
        var full = Root.ResolveCore(relativePath).Physical;
        var key = Root.ToRelative(full);
        var (handle, isFolder) = ConfinedFiles.OpenRead(Root, key);
        if (handle is null)
        {
            _texts.Remove(key);
            if (!isFolder)
            {
                _paths.FileMissing(relativePath, full);
            }
            return null;
        }
        using (handle)
        {
            // Read before the stamp is taken: the stamp must be at least as new as this moment.
            var checkedAt = DateTime.UtcNow;
            var stamp = FileStamp.Of(handle);
            var trusted = stamp is { } s && s.QuietBefore(checkedAt, QuietMargin) ? s : (FileStamp?)null;
            var known = _texts.Get(key);
            if (stamp is not null && known?.Stamp == stamp)
            {
                _paths.FileRead(relativePath, full, trusted, known.Text);
                return known.Text;
            }
            using var bytes = await ReadHandleAsync(handle, cancellationToken);
            Interlocked.Increment(ref _contentReads);
            var text = Decode(bytes, known?.Text);
            _texts.Set(key, text, trusted);
            _paths.FileRead(relativePath, full, trusted, text);
            return text;
        }
    }

    /// <summary>
    /// Replaces the file's text and returns its new version. <paramref name="expectedVersion"/> is
    /// null to write unconditionally, <see cref="Absent"/> to create only, or the version the caller
    /// read: the write is refused with "version_conflict" if the file changed since, including when
    /// it changes on disk while this write is under way.
    /// </summary>
    public async Task<string> WriteAsync(string relativePath, string text, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var full = ResolveFile(relativePath);
        var key = Root.ToRelative(full);
        using var bytes = PooledBytes.Encode(text);
        var written = new VersionedText(text, VersionOf(bytes.Span));
        using var held = await WriteLock.AcquireAsync(Root, full, LockTimeout, cancellationToken);
        for (var round = 1; ; round++)
        {
            using var current = await ReadBytesAsync(full, cancellationToken);
            // After a round lost to a change on disk, this is what refuses a conditional write.
            CheckVersion(relativePath, current is null ? null : Decode(current, _texts.Get(key)?.Text).Version, expectedVersion);
            if (await ReplaceAsync(full, current, bytes, UnchangedSinceRead(full, current), cancellationToken))
            {
                // The next read only checks the bytes against this text: it decodes nothing.
                _texts.Set(key, written, null);
                return written.Version;
            }
            ThrowIfLastRound(relativePath, round);
        }
    }

    /// <summary>
    /// Reads, changes and writes one file under its lock, so no other writer, in this process or
    /// another, can interleave. If the file changes on disk between the read and the rename (an editor
    /// takes no lock), <paramref name="update"/> runs again on the new text: it may run more than once
    /// and must depend on nothing but its argument. If it throws, nothing is written.
    /// </summary>
    public async Task<VersionedText> UpdateAsync(string relativePath, Func<VersionedText?, string> update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var full = ResolveFile(relativePath);
        var key = Root.ToRelative(full);
        using var held = await WriteLock.AcquireAsync(Root, full, LockTimeout, cancellationToken);
        for (var round = 1; ; round++)
        {
            using var current = await ReadBytesAsync(full, cancellationToken);
            var read = current is null ? null : Decode(current, _texts.Get(key)?.Text);
            var text = update(read);
            ArgumentNullException.ThrowIfNull(text, nameof(update));
            using var bytes = PooledBytes.Encode(text);
            if (await ReplaceAsync(full, current, bytes, UnchangedSinceRead(full, current), cancellationToken))
            {
                var written = new VersionedText(text, VersionOf(bytes.Span));
                _texts.Set(key, written, null);
                return written;
            }
            ThrowIfLastRound(relativePath, round);
        }
    }

    /// <summary>An append-only view of the file (<see cref="AppendLog"/>): keep one per file, it remembers what it read.</summary>
    public AppendLog Log(string relativePath)
    {
        ResolveFile(relativePath);
        return new AppendLog(this, relativePath);
    }

    /// <summary>Deletes the file under its lock, so no writer of it is cut short; nothing when there is none.</summary>
    public async Task DeleteAsync(string relativePath, CancellationToken cancellationToken)
    {
        var full = ResolveFile(relativePath);
        var key = Root.ToRelative(full);
        using var held = await WriteLock.AcquireAsync(Root, full, LockTimeout, cancellationToken);
        using var target = ConfinedFiles.Locate(Root, key, createFolders: false);
        if (!target.FolderMissing)
        {
            ConfinedFiles.TryDelete(target, target.Name);
        }
        _texts.Remove(key);
    }

    public bool FileExists(string relativePath)
    {
        var (handle, _) = ConfinedFiles.OpenRead(Root, Root.ToRelative(Root.ResolveCore(relativePath).Physical));
        handle?.Dispose();
        return handle is not null;
    }

    public bool DirectoryExists(string relativePath)
    {
        if (_paths.IsKnownFolder(relativePath))
        {
            return true;
        }
        var checkedAt = DateTime.UtcNow;
        var full = Root.ResolveCore(relativePath).Physical;
        var isFolder = ConfinedFiles.OpenRead(Root, Root.ToRelative(full)).IsFolder;
        if (isFolder)
        {
            _paths.FolderSeen(relativePath, full, checkedAt, QuietMargin);
        }
        return isFolder;
    }

    public void CreateDirectory(string relativePath)
    {
        // Locating the path with folder creation makes every folder above its last name; the last is made here.
        var physical = Root.ResolveCore(relativePath).Physical;
        using var located = ConfinedFiles.Locate(Root, Root.ToRelative(physical), createFolders: true);
        ConfinedFiles.MakeFolder(located);
    }

    /// <summary>Names of the sub-folders, sorted ordinal; folders that are links leading outside the workspace are left out.</summary>
    public IReadOnlyList<string> ListDirectories(string relativePath) => ListFolders(relativePath);

    /// <summary>
    /// Names of the files in a folder, sorted ordinal, read from the folder actually opened. Links are
    /// listed (so a caller can say why it skips one); reading one that leads outside is refused.
    /// </summary>
    public IReadOnlyList<string> ListFiles(string relativePath)
    {
        var names = ConfinedFiles.ListNames(Root, Root.ToRelative(Root.ResolveCore(relativePath).Physical), folders: false);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private List<string> ListFolders(string relativePath)
    {
        var relative = Root.ToRelative(Root.ResolveCore(relativePath).Physical);
        var names = new List<string>();
        foreach (var name in ConfinedFiles.ListNames(Root, relative, folders: true))
        {
            try
            {
                // A link among the entries is listed only when it stays inside (reading it is confined anyway).
                Root.ResolveCore(relative == "." ? name : $"{relative}/{name}");
                names.Add(name);
            }
            catch (KiroException)
            {
                // Leads outside, or a link cycle: not the workspace's.
            }
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private string ResolveFile(string relativePath)
    {
        var full = Root.ResolveCore(relativePath).Physical;
        if (Directory.Exists(full))
        {
            throw new KiroException("path_invalid",
                $"'{relativePath}' is a folder, not a file. Give the path of a file inside it, such as '{relativePath.TrimEnd('/', '\\')}/requirements.md'.");
        }
        return full;
    }

    /// <summary>
    /// The final check, made right before the rename: the file on disk still holds exactly the bytes
    /// the new text was computed from (or is still absent). Only a change landing between this check
    /// and the rename itself can be overwritten (docs/architecture.md, "Locking").
    /// </summary>
    private Func<CancellationToken, Task<bool>> UnchangedSinceRead(string full, PooledBytes? read) => async cancellationToken =>
    {
        BeforeFinalCheck?.Invoke();
        using var now = await ReadBytesAsync(full, cancellationToken);
        return now is null ? read is null : read is not null && now.Span.SequenceEqual(read.Span);
    };

    private static void ThrowIfLastRound(string relativePath, int round)
    {
        if (round >= MaxRounds)
        {
            throw new KiroException("busy",
                $"'{relativePath}' changed on disk {round} times while it was being written: another program (an editor, a script) keeps rewriting it. Nothing was written; retry when it is quiet.");
        }
    }

    /// <summary>
    /// The text of these bytes: <paramref name="known"/> itself when they are its bytes, so an unchanged file
    /// costs a hash and no new string. The version is the hash of the bytes read; for bytes that are not
    /// valid UTF-8 it stays what it always was, the hash of the decoded text as it would be written back.
    /// </summary>
    private VersionedText Decode(PooledBytes bytes, VersionedText? known)
    {
        var valid = System.Text.Unicode.Utf8.IsValid(bytes.Span);
        if (valid)
        {
            var version = VersionOf(bytes.Span);
            if (known?.Version == version)
            {
                return known;
            }
            Interlocked.Increment(ref _decodes);
            return new VersionedText(Utf8.GetString(bytes.Span), version);
        }
        Interlocked.Increment(ref _decodes);
        var text = Utf8.GetString(bytes.Span);
        var reencoded = ComputeVersion(text);
        return known?.Version == reencoded ? known : new VersionedText(text, reencoded);
    }

    /// <summary>
    /// The bytes of the file at <paramref name="full"/> (a path from <see cref="WorkspaceRoot.ResolveCore"/>),
    /// or null when there is none (or it is a folder). The file is opened by what is there now, folder by
    /// folder from the workspace root without following links out (<see cref="ConfinedFiles"/>), so a
    /// folder swapped for a link since the path was checked cannot make this read a file outside.
    /// </summary>
    private async Task<PooledBytes?> ReadBytesAsync(string full, CancellationToken cancellationToken)
    {
        var (handle, _) = ConfinedFiles.OpenRead(Root, Root.ToRelative(full));
        if (handle is null)
        {
            return null;
        }
        using (handle)
        {
            return await ReadHandleAsync(handle, cancellationToken);
        }
    }

    private static async Task<PooledBytes> ReadHandleAsync(SafeFileHandle handle, CancellationToken cancellationToken)
    {
        // Disposing the stream closes the handle; the caller's own dispose then does nothing.
        await using var stream = new FileStream(handle, FileAccess.Read, 1);
        return await PooledBytes.ReadAsync(stream, cancellationToken);
    }

    private static void CheckVersion(string relativePath, string? currentVersion, string? expectedVersion)
    {
        if (expectedVersion is null)
        {
            return;
        }
        if (expectedVersion == Absent)
        {
            if (currentVersion is not null)
            {
                throw new KiroException("already_exists",
                    $"'{relativePath}' already exists (version {currentVersion}). Read it and write with its version to change it, or choose another name.");
            }
            return;
        }
        if (currentVersion is null)
        {
            throw new KiroException("version_conflict",
                $"'{relativePath}' was deleted since you read it (your version {expectedVersion}). Check whether it should still exist; to create it again, write it as a new file.");
        }
        if (currentVersion != expectedVersion)
        {
            throw new KiroException("version_conflict",
                $"'{relativePath}' changed since you read it (your version {expectedVersion}, now {currentVersion}). Read it again, re-apply your change, and retry with the new version.");
        }
    }

    /// <summary>
    /// The one device sector that holds every byte in which <paramref name="next"/> differs from <paramref name="current"/>
    /// (a status character, or a task's and its parent's when they are close), as the changed range; null when the
    /// lengths differ, the changes span sectors, or the stamp needed to see a replaced file is missing (not Linux).
    /// </summary>
    internal static Range? InPlaceRange(ReadOnlySpan<byte> current, ReadOnlySpan<byte> next)
    {
        if (!OperatingSystem.IsLinux() || current.Length != next.Length)
        {
            return null;
        }
        var first = current.CommonPrefixLength(next);
        if (first == current.Length)
        {
            return null;
        }
        var sectorEnd = Math.Min(current.Length, ((first / SectorSize) + 1) * SectorSize);
        if (!current[sectorEnd..].SequenceEqual(next[sectorEnd..]))
        {
            return null;
        }
        var last = sectorEnd - 1;
        while (current[last] == next[last])
        {
            last--;
        }
        return first..(last + 1);
    }

    /// <summary>
    /// Writes the changed bytes of one sector into the file itself, instead of a temp file renamed over it: a status
    /// change is one character in a file of hundreds of kilobytes, and rewriting and flushing the whole file cost
    /// most of a task_start. False when the round is lost (the file changed since it was read, or was replaced).
    /// </summary>
    /// <remarks>
    /// Crash safety without a flush: the bytes that change lie in one sector, the unit a disk writes whole, and
    /// nothing else in the file changes (same length, same bytes elsewhere; a page written back in pieces writes
    /// the other sectors with the bytes they already hold). Whenever the machine stops, the file holds the old
    /// text or the new one, never a mix. As before, a write is not promised to survive a power cut (the rename was
    /// never flushed to its folder either), only never to leave half a file. Concurrency: the final check reads the
    /// file through the handle that is then written, so a save in between is seen; a save by rename after that
    /// leaves this write in the replaced file, which the check after it sees, and the round starts again on the
    /// new text: the other program's save is never overwritten.
    /// </remarks>
    private bool WriteInPlace(string full, PooledBytes current, PooledBytes bytes, Range range)
    {
        using var target = ConfinedFiles.Locate(Root, Root.ToRelative(full), createFolders: false);
        using var handle = target.FolderMissing ? null : ConfinedFiles.OpenWrite(Root, target, append: false);
        if (handle is null)
        {
            return false;
        }
        BeforeFinalCheck?.Invoke();
        if (!Holds(handle, current.Span))
        {
            return false;
        }
        var (offset, length) = range.GetOffsetAndLength(bytes.Length);
        RandomAccess.Write(handle, bytes.Span.Slice(offset, length), offset);
        return StillNamed(target, handle);
    }

    /// <summary>Whether the open file holds exactly <paramref name="expected"/>, read through the handle.</summary>
    private static bool Holds(SafeFileHandle handle, ReadOnlySpan<byte> expected)
    {
        if (RandomAccess.GetLength(handle) != expected.Length)
        {
            return false;
        }
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            for (var offset = 0; offset < expected.Length;)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, Math.Min(buffer.Length, expected.Length - offset)), offset);
                if (read == 0 || !buffer.AsSpan(0, read).SequenceEqual(expected.Slice(offset, read)))
                {
                    return false;
                }
                offset += read;
            }
            return true;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether the name still leads to the open file (same device and inode): false once a rename replaced it.</summary>
    private bool StillNamed(ConfinedPath target, SafeFileHandle handle)
    {
        var (named, _) = ConfinedFiles.OpenRead(Root, Root.ToRelative(target.FullPath));
        using (named)
        {
            return named is not null && FileStamp.Of(handle) is { } mine && FileStamp.Of(named) is { } now
                && mine.Device == now.Device && mine.Inode == now.Inode;
        }
    }

    /// <summary>
    /// Replaces the file at <paramref name="full"/> atomically: a temp file written and flushed in the
    /// same folder, then renamed over it, unless <paramref name="unchangedSinceRead"/>, asked last before
    /// the rename, says the file changed on disk: then nothing is written and the result is false.
    /// The folder is opened once (<see cref="ConfinedFiles.Locate"/>) and the temp file is created and
    /// renamed relative to that open folder, so swapping a folder on the path for a link after the
    /// check cannot send the write elsewhere.
    /// </summary>
    private async Task<bool> ReplaceAsync(string full, PooledBytes? current, PooledBytes bytes, Func<CancellationToken, Task<bool>> unchangedSinceRead, CancellationToken cancellationToken)
    {
        if (current is not null && current.Span.SequenceEqual(bytes.Span))
        {
            // Nothing to change: leaving the file alone spares watchers, editors and hooks a fake save.
            return true;
        }

        if (current is not null && InPlaceRange(current.Span, bytes.Span) is { } range)
        {
            return WriteInPlace(full, current, bytes, range);
        }

        using var target = ConfinedFiles.Locate(Root, Root.ToRelative(full), createFolders: true);
        // Hidden and recognisable, in the same folder so the rename stays on one file system (atomic).
        var temp = $".{target.Name}.{Guid.NewGuid():N}{TempSuffix}";
        var handle = ConfinedFiles.CreateTemp(Root, target, temp);
        try
        {
            if (current is not null && !OperatingSystem.IsWindows() && ConfinedFiles.ModeOf(target) is { } mode)
            {
                // The replacement should keep the permissions someone gave the file (e.g. executable).
                File.SetUnixFileMode(handle, mode);
            }
            await using (var stream = new FileStream(handle, FileAccess.Write, 1))
            {
                await stream.WriteAsync(bytes.Memory, cancellationToken);
                // Data on disk before the rename: a crash leaves the old file or the new one, never half.
                stream.Flush(flushToDisk: true);
            }

            // BEFORE RENAME: the last point at which the target can still be left alone.
            if (!await unchangedSinceRead(cancellationToken))
            {
                ConfinedFiles.TryDelete(target, temp);
                return false;
            }
            ConfinedFiles.RenameOver(target, temp);
            return true;
        }
        catch
        {
            handle.Dispose();
            ConfinedFiles.TryDelete(target, temp);
            throw;
        }
    }

}
