using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// One writer at a time per workspace file, across threads and across processes (two clients each
/// launching a server on one repository, parallel agents). <see cref="FileStore"/> is the only caller:
/// every write of a workspace file holds this lock from its read to its rename.
/// </summary>
/// <remarks>
/// <para>Per target file there are two lock files under <c>.kiro/.runtime/locks/</c>, named by a hash of
/// the file's workspace-relative path. A lock is a lock file opened with <see cref="FileShare.None"/>:
/// on Unix .NET takes flock(LOCK_EX | LOCK_NB) on it, on Windows the share mode excludes every other
/// opener. Either way the operating system drops the lock when its holder's handle closes, including
/// when the process dies, so a crashed server never leaves the workspace locked.</para>
/// <para>Stale lock files are harmless and never deleted: the lock is the open handle, not the file's
/// existence; a lock file left by a dead process is an empty file that the next writer opens and
/// locks. Deleting one would be the danger: a waiter that already opened the old file and a newcomer
/// that creates a new one could then both "hold" the lock.</para>
/// <para>Threads of one process queue on a semaphore first, so only one of them polls the lock files.
/// Between processes, the "queue" lock makes waiting fair: a writer takes it before the "write" lock
/// and lets it go once it has the write lock. Without it, a busy process would hand the write lock
/// from one of its threads to the next in microseconds, and a writer in another process, polling
/// every few milliseconds, could wait until it timed out.</para>
/// </remarks>
public sealed class WriteLock : IDisposable
{
    /// <summary>Where the lock files live: git-ignored runtime data the watcher never reports.</summary>
    public const string Folder = RuntimeFolder + "/locks";

    /// <summary>How long a writer waits for the lock before it gets a "busy" error.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private const string RuntimeFolder = ".kiro/.runtime";

    // Windows' answers when another handle's share mode excludes ours.
    private const int ErrorSharingViolation = 32;
    private const int ErrorLockViolation = 33;

    // One gate per physical file, shared by every store in the process (the HTTP server may open the
    // same workspace twice). Gates are never removed: one small object per file ever written.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(WorkspaceRoot.PathComparer);

    private readonly SemaphoreSlim _gate;
    private readonly FileStream _file;

    private WriteLock(SemaphoreSlim gate, FileStream file)
    {
        _gate = gate;
        _file = file;
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the lock on <paramref name="physicalPath"/> (a full
    /// path inside <paramref name="root"/>, links resolved). Throws <see cref="KiroException"/> "busy"
    /// when another writer holds it longer.
    /// </summary>
    public static async Task<WriteLock> AcquireAsync(WorkspaceRoot root, string physicalPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        var started = Stopwatch.GetTimestamp();
        var relative = root.ToRelative(physicalPath);
        var (queuePath, writePath) = LockFiles(root, relative);
        var gate = Gates.GetOrAdd(physicalPath, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(timeout, cancellationToken))
        {
            throw Busy(relative, root.ToRelative(writePath), timeout);
        }
        try
        {
            PrepareFolder(root);
            using (var queue = await OpenExclusiveAsync(queuePath, started, timeout, cancellationToken)
                ?? throw Busy(relative, root.ToRelative(queuePath), timeout))
            {
                var file = await OpenExclusiveAsync(writePath, started, timeout, cancellationToken)
                    ?? throw Busy(relative, root.ToRelative(writePath), timeout);
                return new WriteLock(gate, file);
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>The two lock files of a workspace-relative path: the queue lock, then the write lock.</summary>
    internal static (string Queue, string Write) LockFiles(WorkspaceRoot root, string relative)
    {
        // Two spellings of one file on a case-insensitive file system must share one lock.
        var key = WorkspaceRoot.PathComparison == StringComparison.OrdinalIgnoreCase ? relative.ToUpperInvariant() : relative;
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        // Resolved like any other path: a link planted in .kiro/.runtime cannot lead the lock outside.
        return (root.ResolveCore($"{Folder}/{name}.queue.lock").Physical, root.ResolveCore($"{Folder}/{name}.write.lock").Physical);
    }

    public void Dispose()
    {
        // The file lock first, so another process can go on while this process's next writer is woken.
        _file.Dispose();
        _gate.Release();
    }

    private static void PrepareFolder(WorkspaceRoot root)
    {
        Directory.CreateDirectory(root.ResolveCore(Folder).Physical);
        var ignore = root.ResolveCore(RuntimeFolder + "/.gitignore").Physical;
        if (File.Exists(ignore))
        {
            return;
        }
        try
        {
            // Runtime data is never committed, whether or not the repository ignores the folder itself.
            using var stream = new FileStream(ignore, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write("*\n"u8);
        }
        catch (IOException) when (File.Exists(ignore))
        {
            // Another process created it a moment ago: same content.
        }
    }

    /// <summary>Opens the lock file exclusively, polling until the deadline; null when it stayed held.</summary>
    private static async Task<FileStream?> OpenExclusiveAsync(string path, long started, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // Read access is enough to lock, and the lock file is never written.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.None);
            }
            catch (IOException e) when (HeldByAnother(e))
            {
                if (Stopwatch.GetElapsedTime(started) >= timeout)
                {
                    return null;
                }
            }
            // Short and jittered: a fixed small interval gives every waiting process the same chance,
            // where a growing back-off would favour the writer that started waiting last.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5)), cancellationToken);
        }
    }

    /// <summary>True for "another handle holds the lock", as opposed to a real failure (permissions, disk).</summary>
    private static bool HeldByAnother(IOException e) =>
        OperatingSystem.IsWindows()
            ? (e.HResult & 0xFFFF) is ErrorSharingViolation or ErrorLockViolation
            // .NET reports flock's EWOULDBLOCK with the raw errno as HResult: 11 on Linux, 35 on macOS and the BSDs.
            : e.HResult == (OperatingSystem.IsLinux() ? 11 : 35);

    private static KiroException Busy(string relative, string lockFile, TimeSpan timeout) => new("busy",
        $"'{relative}' is being written by another writer (another Kiro.Mcp server or client on this workspace), which held its lock ({lockFile}) for more than {timeout.TotalSeconds:0.#} s. Nothing was written: retry in a moment. The lock is released by itself when its holder finishes or exits.");
}
