using System.Globalization;

namespace Kiro.Mcp.Tests.Shared;

/// <summary>Another process as Linux's /proc shows it: its parent, and whether it has ended.</summary>
internal static class ProcFs
{
    /// <summary>The process's state letter and parent pid, or null when it is gone.</summary>
    public static (char State, int Parent)? Stat(int pid)
    {
        try
        {
            // The command name may hold spaces and parentheses: the fields start after the last ')'.
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the process ends within <paramref name="wait"/>. A zombie counts as ended: a killed command whose parent
    /// is gone may wait for a reaper that a container's init never is.
    /// </summary>
    public static bool Ends(int pid, TimeSpan wait)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(100))
        {
            if (Stat(pid) is not { } stat || stat.State == 'Z')
            {
                return true;
            }
            if (waited >= wait)
            {
                return false;
            }
            Thread.Sleep(100);
        }
    }
}
