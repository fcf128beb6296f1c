using System.Runtime.InteropServices;
using System.Text;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// The few libc calls .NET has no API for: opening, renaming and removing a name relative to an open
/// folder (the *at family) and reading a link without following it. They are what lets the store
/// confine what it actually opens instead of a path string it checked a moment earlier.
/// Linux and macOS only; flag and errno values differ between them (and between Linux architectures).
/// </summary>
internal static partial class Native
{
    private const string LibC = "libc";

    private static readonly bool Mac = OperatingSystem.IsMacOS();

    // Linux's generic values, except on the architectures that kept their older numbering.
    private static readonly bool LinuxAltFlags = OperatingSystem.IsLinux()
        && RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 or Architecture.Ppc64le or Architecture.Armv6;

    public static bool Supported { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    public const int ReadOnly = 0;
    public const int WriteOnly = 1;
    public const int ReadWrite = 2;
    public static readonly int Append = Mac ? 0x8 : 0x400;
    public static readonly int Create = Mac ? 0x200 : 0x40;
    public static readonly int Exclusive = Mac ? 0x800 : 0x80;
    public static readonly int NonBlocking = Mac ? 0x4 : 0x800;
    public static readonly int Directory = Mac ? 0x100000 : LinuxAltFlags ? 0x4000 : 0x10000;
    public static readonly int NoFollow = Mac ? 0x100 : LinuxAltFlags ? 0x8000 : 0x20000;
    public static readonly int CloseOnExec = Mac ? 0x1000000 : 0x80000;

    public const int NoSuchEntry = 2;
    public const int Interrupted = 4;
    public const int AccessDenied = 13;
    public const int Exists = 17;
    public const int NotADirectory = 20;
    public const int IsADirectory = 21;
    public const int Invalid = 22;
    public static readonly int TooManyLinks = Mac ? 62 : 40;

    /// <summary>Opens <paramref name="path"/> relative to <paramref name="folder"/>; -1 and errno on failure.</summary>
    public static int OpenAt(SafeHandle folder, string path, int flags, int mode)
    {
        int fd;
        do
        {
            fd = OpenAtCore(folder, path, flags, mode);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Interrupted);
        return fd;
    }

    public static int Open(string path, int flags)
    {
        int fd;
        do
        {
            fd = OpenCore(path, flags, 0);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Interrupted);
        return fd;
    }

    /// <summary>The target of the link <paramref name="name"/> in <paramref name="folder"/>, or null when it is no link (or absent).</summary>
    public static string? ReadLinkAt(SafeHandle folder, string name)
    {
        var buffer = new byte[4096];
        var length = ReadLinkAtCore(folder, name, buffer, buffer.Length);
        if (length < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is Invalid or NoSuchEntry or NotADirectory ? null : throw Error(errno, name);
        }
        return Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    /// <summary>The target of a link given by full path, or null (used on Linux's /proc/self/fd entries).</summary>
    public static string? ReadLink(string path)
    {
        var buffer = new byte[4096];
        var length = ReadLinkCore(path, buffer, buffer.Length);
        return length < 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    /// <summary>The exception .NET itself would throw for <paramref name="errno"/> on <paramref name="path"/>.</summary>
    public static Exception Error(int errno, string path) => errno switch
    {
        NoSuchEntry => new FileNotFoundException($"'{path}' does not exist.", path),
        AccessDenied or 1 => new UnauthorizedAccessException($"Access to '{path}' is denied (errno {errno})."),
        _ => new IOException($"'{path}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno),
    };

    public static Exception LastError(string path) => Error(Marshal.GetLastPInvokeError(), path);

    [LibraryImport(LibC, EntryPoint = "openat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenAtCore(SafeHandle folder, string path, int flags, int mode);

    [LibraryImport(LibC, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenCore(string path, int flags, int mode);

    [LibraryImport(LibC, EntryPoint = "readlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint ReadLinkAtCore(SafeHandle folder, string path, [Out] byte[] buffer, nint size);

    [LibraryImport(LibC, EntryPoint = "readlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint ReadLinkCore(string path, [Out] byte[] buffer, nint size);

    [LibraryImport(LibC, EntryPoint = "renameat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int RenameAt(SafeHandle fromFolder, string from, SafeHandle toFolder, string to);

    [LibraryImport(LibC, EntryPoint = "unlinkat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnlinkAt(SafeHandle folder, string name, int flags);

    /// <summary>statx(2) of <paramref name="handle"/> itself when given "" and AT_EMPTY_PATH; Linux only.</summary>
    [LibraryImport(LibC, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int Statx(SafeHandle handle, string path, int flags, uint mask, byte* buffer);

    /// <summary>statx(2) of a path, resolved from the current directory (AT_FDCWD) for an absolute one; Linux only.</summary>
    [LibraryImport(LibC, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int StatxPath(int folder, string path, int flags, uint mask, byte* buffer);

    [LibraryImport(LibC, EntryPoint = "mkdirat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MakeDirectoryAt(SafeHandle folder, string name, int mode);
}
