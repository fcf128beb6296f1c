using System.Runtime.InteropServices;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Linux's inotify calls. .NET's FileSystemWatcher opens one inotify instance per watcher (checked on
/// .NET 10: ten recursive watchers hold ten), and a user may hold only max_user_instances of them
/// (often 128) across all programs, so a process watching many folders needs its own single instance.
/// </summary>
internal static partial class NativeInotify
{
    private const string LibC = "libc";

    // Flag and event values from <sys/inotify.h>; IN_CLOEXEC is O_CLOEXEC, 0x80000 on x86, x64, Arm and Arm64.
    public const int CloseOnExec = 0x80000;
    public const uint Modify = 0x2;
    public const uint Attrib = 0x4;
    public const uint MovedFrom = 0x40;
    public const uint MovedTo = 0x80;
    public const uint Create = 0x100;
    public const uint Delete = 0x200;
    public const uint DeleteSelf = 0x400;
    public const uint QueueOverflow = 0x4000;
    public const uint Ignored = 0x8000;
    public const uint OnlyDirectory = 0x01000000;
    public const uint DontFollow = 0x02000000;
    public const uint ExcludeUnlinked = 0x04000000;
    public const uint IsDirectory = 0x40000000;

    // errno values, the same on every Linux architecture .NET runs on.
    public const int Interrupted = 4;
    public const int NoSuchEntry = 2;
    public const int NotDirectory = 20;
    public const int TooManyOpenFiles = 24;
    public const int NoSpace = 28;

    [LibraryImport(LibC, EntryPoint = "inotify_init1", SetLastError = true)]
    public static partial int Init(int flags);

    [LibraryImport(LibC, EntryPoint = "inotify_add_watch", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int AddWatch(int fd, string path, uint mask);

    [LibraryImport(LibC, EntryPoint = "inotify_rm_watch", SetLastError = true)]
    public static partial int RemoveWatch(int fd, int wd);

    [LibraryImport(LibC, EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nint count);
}
