using System.Globalization;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>What a command hook leaves behind is killed and reported, through the built server (Linux: reads /proc).</summary>
public class HookProcessControlTests
{
    [Fact]
    public async Task A_double_forked_daemon_started_by_a_hook_is_killed_when_the_run_ends_and_the_run_says_so()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc");
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]);
        await server.CallOkAsync("hook_create", new
        {
            name = "Daemon",
            trigger = "Manual",
            actionType = "command",
            command = "(setsid sh -c 'echo $$ > daemon.pid; exec sleep 300' > /dev/null 2>&1 < /dev/null &); sleep 0.5; echo started",
        });

        var run = (await server.CallOkAsync("hook_run", new { name = "Daemon" })).GetProperty("run");

        var pid = int.Parse(workspace.Read("daemon.pid").Trim(), CultureInfo.InvariantCulture);
        try
        {
            Assert.Equal("ok", run.GetProperty("outcome").GetString());
            Assert.True(run.GetProperty("killedProcesses").GetInt32() >= 1, run.ToString());
            Assert.Equal(0, run.GetProperty("survivors").GetInt32());
            Assert.False(Processes.IsRunning(pid), $"the daemon {pid} outlived its hook's run");
        }
        finally
        {
            Processes.KillIfRunning(pid);
        }
    }

    [Fact]
    public async Task A_hook_that_rewrites_its_own_file_seconds_later_does_not_loop()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc");
        using var workspace = new TempWorkspace();
        workspace.Write("loop.txt", "0\n");
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]);
        // The write comes 3.5 s after the run ended: later than the follow-up window, so only the kill
        // of leftovers (and, behind it, the per-file rate) stops the loop. It used to run every ~4 s, forever.
        await server.CallOkAsync("hook_create", new
        {
            name = "Self trigger",
            trigger = "PostFileSave",
            matcher = "^loop\\.txt$",
            actionType = "command",
            command = "echo run >> runs.out; (sleep 3.5; date >> loop.txt) > /dev/null 2>&1 &",
        });

        workspace.Write("loop.txt", "1\n");
        await Poll.UntilAsync(() => File.Exists(workspace.PathOf("runs.out")), "the first run");
        // Long enough for six loops of the old behaviour; the count, not the time, is asserted.
        await Task.Delay(TimeSpan.FromSeconds(25), TestContext.Current.CancellationToken);

        var runs = File.ReadAllLines(workspace.PathOf("runs.out")).Length;
        Assert.InRange(runs, 1, 3);
    }
}
