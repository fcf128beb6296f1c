using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Kiro.Mcp.Workspace;

/// <summary>
/// Finds and kills every process of one command run on Linux. A run is started by <c>setsid</c>, so
/// its shell leads a new session and process group: <c>kill(-pgid)</c> ends everything that stayed
/// in it atomically. A process that left the group (a double fork plus <c>setsid</c>, a daemon) is
/// still found by the run's marker, an environment variable with a value unique to the run that
/// every descendant inherits; only one that also scrubs its environment escapes, and hooks are code
/// the user trusted, so that is a bug to report, not an attack to win. cgroups would be exact, but
/// a user service can rarely create one (v1 hierarchies, or v2 without delegation, as on our CI).
/// </summary>
internal static class ProcessSweep
{
    public const string MarkerVariable = "KIRO_MCP_RUN";

    private const int SigKill = 9;
    private const int SigStop = 19;
    private const int MaxRounds = 20;

    /// <summary>setsid(1) when this is Linux with /proc; null elsewhere (the caller falls back to the process tree).</summary>
    public static string? Setsid { get; } = OperatingSystem.IsLinux() && Directory.Exists("/proc/self")
        ? new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists)
        : null;

    /// <summary>Kills the run's processes in rounds (frozen first, so none can fork while we look) until none is left.</summary>
    public static async Task<(int Killed, int Survivors)> KillAsync(int leader, string marker)
    {
        var killed = new HashSet<int>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var alive = Find(leader, marker);
            if (alive.Count == 0)
            {
                break;
            }
            foreach (var pid in alive)
            {
                _ = Kill(pid, SigStop);
            }
            // A group id equal to the leader's pid exists only because setsid made it: never our own group.
            _ = Kill(-leader, SigKill);
            foreach (var pid in alive)
            {
                _ = Kill(pid, SigKill);
                killed.Add(pid);
            }
            await Task.Delay(20);
        }
        // SIGKILL is final, but the kernel takes a moment to turn a process into a zombie.
        var survivors = Find(leader, marker);
        for (var i = 0; i < 25 && survivors.Count > 0; i++)
        {
            await Task.Delay(40);
            survivors = Find(leader, marker);
        }
        return (killed.Count, survivors.Count);
    }

    /// <summary>Live processes (not zombies) in the leader's group or session, or carrying the run's marker.</summary>
    public static List<int> Find(int leader, string marker)
    {
        var found = new List<int>();
        var needle = Encoding.ASCII.GetBytes($"{MarkerVariable}={marker}\0");
        var self = Environment.ProcessId;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == self || pid <= 1)
            {
                continue;
            }
            if (Stat(pid) is not { } stat || stat.State is 'Z' or 'X')
            {
                continue;
            }
            if (stat.Group == leader || stat.Session == leader || HasMarker(pid, needle))
            {
                found.Add(pid);
            }
        }
        return found;
    }

    private static (char State, int Group, int Session)? Stat(int pid)
    {
        try
        {
            // The command name may hold spaces and parentheses: the fields start after the last ')'.
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static bool HasMarker(int pid, byte[] needle)
    {
        try
        {
            var environment = File.ReadAllBytes($"/proc/{pid}/environ");
            return environment.AsSpan().IndexOf(needle) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another user's process (not ours to kill) or one that just ended.
            return false;
        }
    }

    // DllImport rather than LibraryImport: an int-only signature needs no marshalling, and
    // LibraryImport would make the whole project compile with unsafe code.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
