using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// The process's one inotify instance, shared by every watcher of every workspace: one thread reads
/// it and hands each event to the watchers that watch that folder. Folders are watched one by one
/// (inotify is not recursive), so a watcher spends a watch only on the folders it wants.
/// </summary>
internal sealed class InotifyHub
{
    private const uint Mask = NativeInotify.Modify | NativeInotify.Attrib | NativeInotify.MovedFrom | NativeInotify.MovedTo
        | NativeInotify.Create | NativeInotify.Delete | NativeInotify.DeleteSelf
        | NativeInotify.OnlyDirectory | NativeInotify.DontFollow | NativeInotify.ExcludeUnlinked;

    private static readonly Lazy<InotifyHub> SharedHub = new(() => new InotifyHub(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly int _fd;
    private readonly Lock _gate = new();
    // Watch descriptor → who watches it. The kernel gives the same descriptor for the same folder,
    // so two watchers (two workspaces' views of one folder, or a .kiro watcher beside a whole-workspace one) share it.
    private readonly Dictionary<int, List<Registration>> _watches = [];
    private readonly HashSet<IInotifyTarget> _targets = [];

    private InotifyHub()
    {
        _fd = NativeInotify.Init(NativeInotify.CloseOnExec);
        if (_fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"inotify_init1 failed with errno {errno}" + (errno == NativeInotify.TooManyOpenFiles ? " (the user's inotify instances, fs.inotify.max_user_instances, are all in use)" : ""), errno);
        }
        // The thread lives as long as the process: the instance is shared and cheap when idle.
        new Thread(ReadLoop) { IsBackground = true, Name = "Kiro inotify" }.Start();
    }

    /// <summary>The hub, created on first use. Throws <see cref="IOException"/> when no inotify instance can be had.</summary>
    public static InotifyHub Shared => SharedHub.Value;

    /// <summary>All watches the process holds.</summary>
    public int WatchCount
    {
        get
        {
            lock (_gate)
            {
                return _watches.Count;
            }
        }
    }

    /// <summary>
    /// Watches <paramref name="folder"/> for <paramref name="target"/>; returns the watch descriptor,
    /// or -1 when the folder is gone. Throws <see cref="IOException"/> (HResult: errno) when refused,
    /// ENOSPC meaning the user's watches (fs.inotify.max_user_watches) are all in use.
    /// </summary>
    public int Add(string folder, IInotifyTarget target)
    {
        lock (_gate)
        {
            var wd = NativeInotify.AddWatch(_fd, folder, Mask);
            if (wd < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is NativeInotify.NoSuchEntry or NativeInotify.NotDirectory)
                {
                    return -1;
                }
                throw new IOException(errno == NativeInotify.NoSpace
                    ? "inotify_add_watch failed with ENOSPC: the user's inotify watches (fs.inotify.max_user_watches) are all in use"
                    : $"inotify_add_watch failed with errno {errno} for '{folder}'", errno);
            }
            if (!_watches.TryGetValue(wd, out var registrations))
            {
                _watches[wd] = registrations = [];
            }
            registrations.Add(new Registration(target, folder));
            _targets.Add(target);
            return wd;
        }
    }

    /// <summary>Stops watching a folder for <paramref name="target"/>; the kernel's watch goes with its last watcher.</summary>
    public void Remove(int wd, IInotifyTarget target, string folder)
    {
        lock (_gate)
        {
            if (!_watches.TryGetValue(wd, out var registrations))
            {
                return;
            }
            registrations.RemoveAll(r => r.Target == target && r.Folder == folder);
            if (registrations.Count == 0)
            {
                _watches.Remove(wd);
                // Fails harmlessly (EINVAL) when the folder is already gone and the kernel dropped the watch.
                NativeInotify.RemoveWatch(_fd, wd);
            }
        }
    }

    /// <summary>Forgets a target that stops watching (its watches must have been removed).</summary>
    public void Forget(IInotifyTarget target)
    {
        lock (_gate)
        {
            _targets.Remove(target);
        }
    }

    private unsafe void ReadLoop()
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            nint read;
            fixed (byte* pointer = buffer)
            {
                read = NativeInotify.Read(_fd, pointer, buffer.Length);
            }
            if (read < 0)
            {
                if (Marshal.GetLastPInvokeError() == NativeInotify.Interrupted)
                {
                    continue;
                }
                // The instance is unusable: tell every watcher it lost events; they keep their state.
                Overflow();
                return;
            }
            Dispatch(buffer.AsSpan(0, (int)read));
        }
    }

    private void Dispatch(ReadOnlySpan<byte> events)
    {
        // struct inotify_event { int wd; uint32_t mask; uint32_t cookie; uint32_t len; char name[len]; }
        while (events.Length >= 16)
        {
            var wd = BinaryPrimitives.ReadInt32LittleEndian(events);
            var mask = BinaryPrimitives.ReadUInt32LittleEndian(events[4..]);
            var cookie = BinaryPrimitives.ReadUInt32LittleEndian(events[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(events[12..]);
            var raw = events.Slice(16, Math.Min(length, events.Length - 16));
            var end = raw.IndexOf((byte)0);
            var name = Encoding.UTF8.GetString(end < 0 ? raw : raw[..end]);
            events = events[Math.Min(events.Length, 16 + length)..];

            if ((mask & NativeInotify.QueueOverflow) != 0)
            {
                Overflow();
                continue;
            }
            Registration[] registrations;
            lock (_gate)
            {
                if (!_watches.TryGetValue(wd, out var list))
                {
                    continue;
                }
                registrations = [.. list];
                if ((mask & NativeInotify.Ignored) != 0)
                {
                    // The kernel dropped the watch (its folder was deleted); the descriptor may be reused.
                    _watches.Remove(wd);
                }
            }
            foreach (var registration in registrations)
            {
                registration.Target.OnEvent(wd, registration.Folder, name, mask, cookie);
            }
        }
    }

    private void Overflow()
    {
        IInotifyTarget[] targets;
        lock (_gate)
        {
            targets = [.. _targets];
        }
        foreach (var target in targets)
        {
            target.OnOverflow();
        }
    }

    private sealed record Registration(IInotifyTarget Target, string Folder);
}
