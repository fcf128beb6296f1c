using System.Globalization;

namespace Kiro.Mcp.Bench;

/// <summary>
/// A process's CPU time (user + system) from /proc/PID/stat. On a shared machine throughput follows the
/// load others put on it; the server's CPU time per call does not, so it is what compares two builds. Linux only.
/// </summary>
internal static class ProcessCpu
{
    // The kernel's USER_HZ: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan? Used(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
