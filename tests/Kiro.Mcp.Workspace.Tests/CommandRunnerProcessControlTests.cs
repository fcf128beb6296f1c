namespace Kiro.Mcp.Workspace.Tests;

/// <summary>
/// What a hostile or careless command leaves behind: background children holding the output pipes,
/// double-forked daemons in their own session, a 0 timeout, a flood on one line. Linux only: the
/// defences read /proc.
/// </summary>
public sealed class CommandRunnerProcessControlTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-pc-").FullName;
    private readonly List<int> _started = [];

    public void Dispose()
    {
        // A failing test must not leave its sleepers behind on the shared machine.
        foreach (var pid in _started)
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone, as it should be.
            }
        }
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_double_forked_child_in_its_own_session_is_killed_at_the_timeout()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc");
        var runner = new CommandRunner(new WorkspaceRoot(_root));

        // The subshell forks the daemon and exits (double fork); setsid puts it in a new session and group.
        var result = await runner.RunAsync(
            "(setsid sh -c 'echo $$ > daemon.pid; exec sleep 300' > /dev/null 2>&1 < /dev/null &) ; sleep 300",
            TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        var daemon = await PidAsync("daemon.pid");
        Assert.True(result.TimedOut);
        Assert.False(await IsAliveAsync(daemon), $"the double-forked daemon {daemon} survived the timeout");
        Assert.True(result.KilledProcesses >= 2, $"killed {result.KilledProcesses}");
        Assert.Equal(0, result.Survivors);
    }

    [Fact]
    public async Task A_background_child_holding_the_output_does_not_keep_a_finished_command_running_and_is_killed()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc");
        var runner = new CommandRunner(new WorkspaceRoot(_root));

        var result = await runner.RunAsync("sleep 306 & echo $! > bg.pid; echo started",
            TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var child = await PidAsync("bg.pid");
        Assert.False(result.TimedOut, "the command itself exited at once: it did not time out");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("started", result.OutputTail);
        Assert.False(await IsAliveAsync(child), $"'sleep 306 &' ({child}) outlived its command");
        Assert.Equal(1, result.KilledProcesses);
        Assert.Contains("left running", result.OutputTail);
    }

    [Fact]
    public void A_zero_negative_or_infinite_timeout_means_the_default_and_a_huge_one_is_capped()
    {
        Assert.Equal(CommandRunner.DefaultTimeout, CommandRunner.Effective(TimeSpan.Zero));
        Assert.Equal(CommandRunner.DefaultTimeout, CommandRunner.Effective(TimeSpan.FromSeconds(-5)));
        Assert.Equal(CommandRunner.DefaultTimeout, CommandRunner.Effective(Timeout.InfiniteTimeSpan));
        Assert.Equal(CommandRunner.MaxTimeout, CommandRunner.Effective(TimeSpan.FromDays(3)));
        Assert.Equal(TimeSpan.FromSeconds(7), CommandRunner.Effective(TimeSpan.FromSeconds(7)));
    }

    [Fact]
    public async Task A_command_with_a_zero_timeout_is_still_killed_eventually_with_its_background_children()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads /proc");
        var runner = new CommandRunner(new WorkspaceRoot(_root));

        // With 0 meaning "forever", the background child holding the pipe made this wait for 300 s.
        var run = runner.RunAsync("sleep 300 & echo $! > bg.pid", TimeSpan.Zero, TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        Assert.Same(run, finished);
        Assert.False((await run).TimedOut);
        Assert.False(await IsAliveAsync(await PidAsync("bg.pid")));
    }

    [Fact]
    public async Task A_flood_on_one_line_keeps_only_the_tail_and_counts_what_was_dropped()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "uses head and tr");
        var runner = new CommandRunner(new WorkspaceRoot(_root));

        var result = await runner.RunAsync("head -c 20000000 /dev/zero | tr '\\0' a; printf END",
            TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.True(result.OutputTail.Length <= CommandRunner.MaxOutput + 200, $"tail of {result.OutputTail.Length} characters");
        Assert.EndsWith("aaaEND", result.OutputTail, StringComparison.Ordinal);
        Assert.True(result.OutputDroppedBytes >= 20_000_000 - CommandRunner.MaxOutput, $"dropped {result.OutputDroppedBytes}");
    }

    private async Task<int> PidAsync(string file)
    {
        var path = Path.Combine(_root, file);
        for (var i = 0; i < 100 && (!File.Exists(path) || File.ReadAllText(path).Trim().Length == 0); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        var pid = int.Parse(File.ReadAllText(path).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        _started.Add(pid);
        return pid;
    }

    /// <summary>Alive and not a zombie, after giving the kernel a moment to finish a kill.</summary>
    private static async Task<bool> IsAliveAsync(int pid)
    {
        for (var i = 0; i < 20; i++)
        {
            try
            {
                if (File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z")
                {
                    return false;
                }
            }
            catch (IOException)
            {
                return false;
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        return true;
    }
}
