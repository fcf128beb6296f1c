using System.Text.Json;
using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Hooks.Execution;
using Kiro.Mcp.Hooks.Triggers;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Hooks.Tests.Execution;

public sealed class HookRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kiro-hooks-tests-").FullName;
    private readonly FileStore _store;
    private readonly HookHistory _history;
    private readonly PendingPrompts _pending;
    private readonly HookRunner _runner;

    public HookRunnerTests()
    {
        var root = new WorkspaceRoot(_folder);
        _store = new FileStore(root);
        _history = new HookHistory(_store);
        // A clock that never moves: every run counts as "just after" the previous one, which is what
        // a hook triggering itself looks like, without depending on how fast this machine is.
        var clock = new FrozenClock();
        _pending = new PendingPrompts(clock);
        _runner = new HookRunner(new CommandRunner(root), root, _pending, _history, clock);
    }

    [Fact]
    public async Task Events_arriving_while_a_hook_runs_are_merged_into_one_follow_up_run()
    {
        // The first run waits for a go-ahead, so the next three events surely arrive while it runs.
        var hook = Command("while [ ! -f go ]; do sleep 0.05; done; cat >> events.out; echo >> events.out");
        _runner.Schedule(hook, Saved("a.txt"));
        _runner.Schedule(hook, Saved("b.txt"));
        _runner.Schedule(hook, Saved("c.txt", "b.txt"));
        _runner.Schedule(hook, Saved("d.txt"));
        File.WriteAllText(Path.Join(_folder, "go"), "");

        await UntilAsync(async () => (await _history.RecentAsync(10, CancellationToken.None)).Count == 2);
        var runs = File.ReadAllLines(Path.Join(_folder, "events.out")).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file_paths").EnumerateArray().Select(f => f.GetString()).ToList()).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal(["a.txt"], runs[0]);
        Assert.Equal(["b.txt", "c.txt", "d.txt"], runs[1]);
        Assert.All(await _history.RecentAsync(10, CancellationToken.None), r => Assert.Equal("ok", r.Outcome));
    }

    [Fact]
    public async Task A_hook_fired_again_and_again_right_after_its_runs_stops_instead_of_looping()
    {
        var hook = Agent();
        for (var i = 1; i <= HookRunner.MaxChain + 1; i++)
        {
            _runner.Schedule(hook, Saved("loop.txt"));
            var expected = i;
            await UntilAsync(async () => (await _history.RecentAsync(10, CancellationToken.None)).Count == expected);
        }
        _runner.Schedule(hook, Saved("loop.txt"));
        _runner.Schedule(hook, Saved("loop.txt"));
        await UntilAsync(async () => (await _history.RecentAsync(10, CancellationToken.None)).Any(r => r.Outcome == "skipped"));

        var history = await _history.RecentAsync(10, CancellationToken.None);
        Assert.Equal(HookRunner.MaxChain + 1, history.Count(r => r.Outcome == "delivered"));
        Assert.Single(history, r => r.Outcome == "skipped");
        Assert.Equal(HookRunner.MaxChain + 1, _pending.Take(new HookOrigin(HookCallerStdio, null)).Count);
    }

    [Fact]
    public async Task A_hook_re_fired_by_a_file_too_often_stops_for_that_file_even_when_each_run_is_seconds_after_the_last()
    {
        // A delayed self-trigger ('(sleep 4; date >> f) &') re-fires after the chain window: only a rate catches it.
        const int limit = HookRunner.MaxFileRuns;
        var clock = new ManualClock();
        using var runner = new HookRunner(new CommandRunner(new WorkspaceRoot(_folder)), new WorkspaceRoot(_folder), _pending, _history, clock);
        var hook = Agent();
        for (var i = 0; i < limit + 3; i++)
        {
            runner.Schedule(hook, Saved("loop.txt"));
            await UntilAsync(async () => (await _history.RecentAsync(50, CancellationToken.None)).Count >= Math.Min(i + 1, limit + 1));
            clock.Advance(TimeSpan.FromSeconds(10));
        }
        // Another file is not held back by this one's loop.
        runner.Schedule(hook, Saved("other.txt"));
        await UntilAsync(async () => (await _history.RecentAsync(50, CancellationToken.None)).Any(r => r.Files.Contains("other.txt")));

        var history = await _history.RecentAsync(50, CancellationToken.None);
        Assert.Equal(limit, history.Count(r => r.Outcome == "delivered" && r.Files.Contains("loop.txt")));
        var skipped = Assert.Single(history, r => r.Outcome == "skipped");
        Assert.Contains("loop.txt", skipped.OutputTail);

        // A manual run lifts the stop.
        await runner.RunAsync(hook, new HookEvent { Trigger = HookTriggers.Manual }, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));
        runner.Schedule(hook, Saved("loop.txt"));
        await UntilAsync(async () => (await _history.RecentAsync(50, CancellationToken.None)).Count(r => r.Outcome == "delivered" && r.Files.Contains("loop.txt")) == limit + 1);
    }

    [Fact]
    public async Task A_pre_task_command_that_exits_with_2_blocks_with_its_stderr()
    {
        var hook = Command("echo 'some stdout'; echo 'tests are red' >&2; exit 2") with { Trigger = HookTriggers.PreTaskExec };
        var outcome = await _runner.RunAsync(hook, new HookEvent { Trigger = HookTriggers.PreTaskExec, Spec = "s", TaskId = "1" }, CancellationToken.None);
        Assert.Equal("blocked", outcome.Run.Outcome);
        Assert.Equal(2, outcome.Run.ExitCode);
        Assert.Contains("tests are red", outcome.BlockReason);
        Assert.DoesNotContain("some stdout", outcome.BlockReason);

        var failing = await _runner.RunAsync(hook with { Command = "exit 3" }, new HookEvent { Trigger = HookTriggers.PreTaskExec }, CancellationToken.None);
        Assert.Equal(("failed", (string?)null), (failing.Run.Outcome, failing.BlockReason));
    }

    public void Dispose()
    {
        _runner.Dispose();
        _history.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A command may still hold a handle for a moment; the OS cleans temp folders.
        }
    }

    private static HookEvent Saved(params string[] files) => new() { Trigger = HookTriggers.PostFileSave, Files = files };

    private static HookDefinition Command(string command) => new()
    {
        Name = "cmd", Trigger = HookTriggers.PostFileSave, ActionType = HookActionType.Command, Command = command,
        Source = HookSource.Workspace, Format = HookFormat.V1, File = ".kiro/hooks/cmd.json", Line = 1,
    };

    private static HookDefinition Agent() => new()
    {
        Name = "agent", Trigger = HookTriggers.PostFileSave, ActionType = HookActionType.Agent, Prompt = "Look.",
        Source = HookSource.Workspace, Format = HookFormat.V1, File = ".kiro/hooks/agent.json", Line = 1,
    };

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        // Generous: how long to wait on a slow machine, not how fast it must be.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the runs did not happen within 60 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private const string HookCallerStdio = "stdio";

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }

    private sealed class FrozenClock : TimeProvider
    {
        private readonly DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
