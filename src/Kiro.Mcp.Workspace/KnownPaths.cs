using System.Collections.Concurrent;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// What the last confined look at a path found (a file's text, no file, a folder), kept with the stamp the path
/// had then, so that a read of an unchanged path costs one statx instead of resolving its links, opening every
/// folder on the way, checking the open file's real path, and closing it again (most of a read tool's CPU under
/// load). A path is answered from here only while statx finds the same stamp there, taken when the path had been
/// quiet for a while (<see cref="FileStamp.QuietBefore"/>); anything else goes the whole confined way again.
/// </summary>
/// <remarks>
/// The same device, inode, size, ctime and mtime mean the same file, unwritten, unrenamed, unlinked since (each
/// of those sets its ctime): the text answered is the one read through the confined path, so nothing outside the
/// workspace can be read this way, even when a folder above the file has since become a link. A path that was
/// missing is answered as missing while statx finds nothing there.
/// </remarks>
internal sealed class KnownPaths
{
    // Far above the files of any real set of specs; a bound so that a server asked about many paths stays small.
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _answers;

    /// <param name="FullPath">The physical path the confined look went to.</param>
    /// <param name="Stamp">The path's stamp then; null when nothing was there.</param>
    /// <param name="Text">The file's text; null for no file or a folder.</param>
    private sealed record Entry(string FullPath, FileStamp? Stamp, VersionedText? Text);

    /// <summary>Tests only: how many times a path was answered from here.</summary>
    public int Answers => Volatile.Read(ref _answers);

    /// <summary>The text (or null for no file) of a path seen unchanged since it was recorded; false when the path must be looked at again.</summary>
    public bool TryFile(string relativePath, out VersionedText? text)
    {
        text = null;
        // Null (refused as an invalid path) is never recorded: the confined way says why.
        if (relativePath is null || !_entries.TryGetValue(relativePath, out var entry))
        {
            return false;
        }
        var now = FileStamp.OfPath(entry.FullPath, out var missing);
        var unchanged = entry.Stamp is null
            ? missing
            : entry.Text is not null && now == entry.Stamp;
        if (!unchanged)
        {
            return false;
        }
        Interlocked.Increment(ref _answers);
        text = entry.Text;
        return true;
    }

    /// <summary>Whether the path is the folder recorded by <see cref="FolderSeen"/>, unchanged since.</summary>
    public bool IsKnownFolder(string relativePath)
    {
        if (relativePath is null || !_entries.TryGetValue(relativePath, out var entry) || entry.Stamp is null || entry.Text is not null
            || FileStamp.OfPath(entry.FullPath, out _) != entry.Stamp)
        {
            return false;
        }
        Interlocked.Increment(ref _answers);
        return true;
    }

    /// <summary>Records a file just read (with its trusted stamp), or forgets the path when the stamp is not trusted.</summary>
    public void FileRead(string relativePath, string fullPath, FileStamp? trustedStamp, VersionedText text)
    {
        if (trustedStamp is null)
        {
            _entries.TryRemove(relativePath, out _);
            return;
        }
        Set(relativePath, new Entry(fullPath, trustedStamp, text));
    }

    /// <summary>Records that the confined look found no file at the path.</summary>
    public void FileMissing(string relativePath, string fullPath) => Set(relativePath, new Entry(fullPath, null, null));

    /// <summary>Records a folder the confined look found, when its stamp (taken after the look) was quiet.</summary>
    public void FolderSeen(string relativePath, string fullPath, DateTime checkedAt, TimeSpan margin)
    {
        if (FileStamp.OfPath(fullPath, out _) is { } stamp && stamp.QuietBefore(checkedAt, margin))
        {
            Set(relativePath, new Entry(fullPath, stamp, null));
        }
    }

    private void Set(string relativePath, Entry entry)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[relativePath] = entry;
    }
}
