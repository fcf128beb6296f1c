using System.Globalization;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// How many operating-system watches the watchers sharing this budget may hold together. One server
/// holds many workspaces' watchers, and the kernel's allowance (fs.inotify.max_user_watches) is the
/// user's, shared with editors and every other program: a budget keeps the server to its share, and
/// a watcher past it polls instead (<see cref="WorkspaceWatcher.Degraded"/>). Thread-safe.
/// </summary>
public sealed class WatchBudget
{
    private const string UserLimitFile = "/proc/sys/fs/inotify/max_user_watches";

    private int _inUse;

    public WatchBudget(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        Limit = limit;
    }

    public int Limit { get; }

    /// <summary>The watches taken now, by every watcher sharing the budget.</summary>
    public int InUse => Volatile.Read(ref _inUse);

    /// <summary>
    /// <paramref name="share"/> (0 to 1) of the user's inotify watches on Linux; elsewhere, where a
    /// recursive watch is one handle, <paramref name="fallback"/>.
    /// </summary>
    public static WatchBudget ShareOfUserLimit(double share = 0.5, int fallback = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1);
        try
        {
            if (OperatingSystem.IsLinux() && int.TryParse(File.ReadAllText(UserLimitFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit > 0)
            {
                return new WatchBudget((int)(limit * share));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /proc: the fallback.
        }
        return new WatchBudget(fallback);
    }

    /// <summary>Takes one watch; false when the budget is spent.</summary>
    internal bool TryTake()
    {
        while (true)
        {
            var current = Volatile.Read(ref _inUse);
            if (current >= Limit)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _inUse, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    internal void Return(int count) => Interlocked.Add(ref _inUse, -count);
}
