using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// What the kernel says about an open file: which file it is (device, inode) and when its content or
/// metadata last changed (ctime, mtime) and its length. Any write to a file sets its ctime to the
/// current time, and no program can set ctime back; so a stamp taken when the file had been quiet
/// for a while (<see cref="QuietBefore"/>) changes with any later write. Linux only (statx); null elsewhere.
/// </summary>
internal readonly record struct FileStamp(ulong Device, ulong Inode, ulong Length, long ChangedTicks, long ModifiedTicks)
{
    // statx(2): AT_EMPTY_PATH stats the open descriptor itself; the struct is the same on every Linux architecture.
    private const int EmptyPath = 0x1000;
    private const int SymlinkNoFollow = 0x100;
    private const int CurrentFolder = -100; // AT_FDCWD
    private const uint BasicStats = 0x7ff;
    private const uint Needed = 0x40 | 0x80 | 0x100 | 0x200; // STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE
    private const int StatxSize = 256;

    /// <summary>The stamp of <paramref name="handle"/>'s file, or null where it cannot be had.</summary>
    public static unsafe FileStamp? Of(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var buffer = stackalloc byte[StatxSize];
        return Native.Statx(handle, "", EmptyPath, BasicStats, buffer) == 0 ? Read(new ReadOnlySpan<byte>(buffer, StatxSize)) : null;
    }

    /// <summary>
    /// The stamp of whatever is at <paramref name="fullPath"/> now, a link at its end not followed (a link has
    /// a stamp of its own); null where it cannot be had. <paramref name="missing"/> is true when nothing is there.
    /// One system call, without opening anything: cheap enough to ask on every read.
    /// </summary>
    public static unsafe FileStamp? OfPath(string fullPath, out bool missing)
    {
        missing = false;
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var buffer = stackalloc byte[StatxSize];
        if (Native.StatxPath(CurrentFolder, fullPath, SymlinkNoFollow, BasicStats, buffer) != 0)
        {
            missing = Marshal.GetLastPInvokeError() == Native.NoSuchEntry;
            return null;
        }
        return Read(new ReadOnlySpan<byte>(buffer, StatxSize));
    }

    private static FileStamp? Read(ReadOnlySpan<byte> span)
    {
        if ((MemoryMarshal.Read<uint>(span) & Needed) != Needed)
        {
            return null;
        }
        return new FileStamp(
            ((ulong)MemoryMarshal.Read<uint>(span[136..]) << 32) | MemoryMarshal.Read<uint>(span[140..]),
            MemoryMarshal.Read<ulong>(span[32..]),
            MemoryMarshal.Read<ulong>(span[40..]),
            Ticks(span[96..]),
            Ticks(span[112..]));
    }

    /// <summary>
    /// Whether the file's last change (content or metadata) lies more than <paramref name="margin"/> before
    /// <paramref name="checkedAt"/>, a time read before the stamp was taken. Only then does a later write
    /// necessarily give a different stamp: one in the same tick of the file system's clock could keep it
    /// (the "racy" case git knows too), so such a stamp is not trusted.
    /// </summary>
    public bool QuietBefore(DateTime checkedAt, TimeSpan margin)
    {
        var last = Math.Max(ChangedTicks, ModifiedTicks);
        return checkedAt.Ticks - last > margin.Ticks;
    }

    // A statx_timestamp: seconds since the epoch (int64), then nanoseconds (uint32).
    private static long Ticks(ReadOnlySpan<byte> timestamp) =>
        DateTime.UnixEpoch.Ticks + (MemoryMarshal.Read<long>(timestamp) * TimeSpan.TicksPerSecond) + (MemoryMarshal.Read<uint>(timestamp[8..]) / 100);
}
