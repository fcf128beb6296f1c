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

    /// <summary>Whether <paramref name="pid"/> still runs after up to 3 s (a zombie has ended, see <see cref="ProcFs.Ends"/>).</summary>
    public static bool IsRunning(int pid) => !ProcFs.Ends(pid, TimeSpan.FromSeconds(3));

    /// <summary>
    /// Stops the server with SIGTERM, as docker stop does, and checks it is gone within the grace period and exited
    /// cleanly; <paramref name="log"/> (its stderr) goes into the failure message.
    /// </summary>
    public static void AssertStopsOnSigterm(Process server, IEnumerable<string> log)
    {
        Terminate(server);
        Assert.True(server.WaitForExit(GracePeriod), $"The server was still running {GracePeriod.TotalSeconds} s after SIGTERM, when docker stop kills it.\n" + string.Join('\n', log));
        Assert.Equal(0, server.ExitCode);
    }

    /// <summary>The pid a command writes to <paramref name="file"/> (<c>echo $$ &gt; file</c>) once it has started.</summary>
    public static async Task<int> PidWrittenToAsync(string file, string what)
    {
        await Poll.UntilAsync(() => File.Exists(file) && File.ReadAllText(file).Trim().Length > 0, what);
        return int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
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
