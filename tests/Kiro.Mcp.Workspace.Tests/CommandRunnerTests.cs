namespace Kiro.Mcp.Workspace.Tests;

public sealed class CommandRunnerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-run-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_command_runs_in_the_workspace_and_reports_its_exit_code_and_output()
    {
        var runner = new CommandRunner(new WorkspaceRoot(_root));

        var ok = await runner.RunAsync("pwd; echo to-stderr >&2", TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var failed = await runner.RunAsync("exit 3", TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(ok.Succeeded);
        Assert.Contains(new WorkspaceRoot(_root).FullPath, ok.OutputTail);
        Assert.Contains("to-stderr", ok.OutputTail);
        Assert.Equal((3, false), (failed.ExitCode, failed.Succeeded));
    }

    [Fact]
    public async Task A_hung_command_is_killed_at_its_timeout_with_its_whole_process_tree()
    {
        var runner = new CommandRunner(new WorkspaceRoot(_root));

        var result = await runner.RunAsync("nohup sleep 300 > /dev/null 2>&1 & echo $! > child.pid; wait", TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.True(result.TimedOut);
        Assert.Equal(-1, result.ExitCode);
        Assert.Contains("killed after", result.OutputTail);
        var child = File.ReadAllText(Path.Combine(_root, "child.pid")).Trim();
        // The background child was killed too: give the kernel a moment to reap it.
        for (var i = 0; i < 50 && Directory.Exists($"/proc/{child}") && !IsZombie(child); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.True(!Directory.Exists($"/proc/{child}") || IsZombie(child), $"process {child} is still running");
    }

    [Fact]
    public async Task Output_is_bounded_to_its_tail()
    {
        var runner = new CommandRunner(new WorkspaceRoot(_root));

        var result = await runner.RunAsync("seq 1 100000", TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(result.OutputTail.Length <= CommandRunner.MaxOutput);
        Assert.EndsWith("100000", result.OutputTail.TrimEnd());
    }

    private static bool IsZombie(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z";
        }
        catch (IOException)
        {
            return true;
        }
    }
}
