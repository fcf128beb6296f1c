using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>The server's process and those it starts, as a supervisor sees them (Linux: signals and /proc).</summary>
public static class Processes
{
    private const int SigTerm = 15;

    /// <summary>docker stop's default: how long a supervisor waits after SIGTERM before it sends SIGKILL.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>
    /// SIGTERM, as docker stop and systemd stop a server (.NET's <see cref="Process.Kill()"/> sends SIGKILL). Windows has
    /// no such signal: there the process tree is killed.
    /// </summary>
    public static void Terminate(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            process.Kill(entireProcessTree: true);
            return;
        }
        if (Kill(process.Id, SigTerm) != 0 && !process.HasExited)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>
    /// Whether <paramref name="pid"/> still runs, waiting up to 3 s for it to end. A zombie counts as ended: a killed
    /// command whose parent (the server) is gone may wait for a reaper that a container's init never is.
    /// </summary>
    public static bool IsRunning(int pid)
    {
        for (var i = 0; i < 30; i++)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                if (stat[(stat.LastIndexOf(')') + 2)..][0] == 'Z')
                {
                    return false;
                }
            }
            catch (IOException)
            {
                return false;
            }
            Thread.Sleep(100);
        }
        return true;
    }

    /// <summary>Kills <paramref name="pid"/> if a test's assertion failed before the server did.</summary>
    public static void KillIfRunning(int pid)
    {
        try
        {
            Process.GetProcessById(pid).Kill();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception)
        {
            // Gone, as it should be.
        }
    }

    // DllImport rather than LibraryImport, as in ProcessSweep: an int-only signature needs no marshalling.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
