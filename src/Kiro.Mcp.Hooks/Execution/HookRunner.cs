using System.Collections.Concurrent;
using System.ComponentModel;
using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Hooks.Triggers;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Hooks.Execution;

/// <summary>
/// Runs hooks: a command in the workspace (event JSON on stdin, KIRO_* variables; every process it
/// started is killed when it ends, see <see cref="CommandRunner"/>), or an agent prompt queued for
/// the session that caused the event (see <see cref="PendingPrompts"/>). One hook never runs twice at
/// once: events that arrive while it runs are merged into one follow-up run. A hook fired again and
/// again by changes made while it ran, or just after (its own writes: a formatter on save), is
/// stopped after <see cref="MaxChain"/> follow-ups instead of looping. A hook that re-fires itself
/// later (a background write seconds after its run) escapes that window, so file triggers also obey a
/// rate: more than <see cref="MaxFileRuns"/> runs for one file within <see cref="FileRunWindow"/> stop
/// it for that file for <see cref="FileCooldown"/>, or until it is run by hand.
/// </summary>
public sealed class HookRunner(CommandRunner commands, WorkspaceRoot root, PendingPrompts pending, HookHistory history, TimeProvider clock) : IDisposable, IAsyncDisposable
{
    /// <summary>
    /// How long stopping waits for background runs to kill their commands: the kill itself takes well under a second,
    /// and the bound keeps a stuck pipe from holding the server past a supervisor's grace period (docker's is 10 s).
    /// </summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Changes seen this soon after a hook's run count as caused by it (the watcher reports a burst after it goes quiet).</summary>
    public static readonly TimeSpan ChainWindow = TimeSpan.FromSeconds(3);

    public const int MaxChain = 2;

    /// <summary>Runs for one file within <see cref="FileRunWindow"/>; a person saving a file does not save it more often than this.</summary>
    public const int MaxFileRuns = 5;

    public static readonly TimeSpan FileRunWindow = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan FileCooldown = TimeSpan.FromMinutes(5);

    // Files remembered per hook; beyond this the quiet ones are forgotten (a hook on every file of a big repository).
    private const int MaxTrackedFiles = 1000;

    private readonly ConcurrentDictionary<string, HookState> _states = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The runs started by <see cref="Schedule"/>, which nobody else awaits; each removes itself when it ends.</summary>
    private readonly HashSet<Task> _background = [];

    /// <summary>Runs the hook now (after any run of it in progress) and returns how it ended.</summary>
    public async Task<HookOutcome> RunAsync(HookDefinition hook, HookEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hook);
        var state = _states.GetOrAdd(hook.Key, _ => new HookState());
        if (e.Trigger == HookTriggers.Manual)
        {
            lock (state)
            {
                // Running a hook by hand is the person saying it is fine again.
                state.Files.Clear();
            }
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        await state.Gate.WaitAsync(linked.Token);
        try
        {
            return await ExecuteAsync(hook, e, linked.Token);
        }
        finally
        {
            lock (state)
            {
                state.LastEnded = clock.GetUtcNow();
            }
            state.Gate.Release();
        }
    }

    /// <summary>Runs the hook in the background, or merges the event into its next run if it is busy.</summary>
    public void Schedule(HookDefinition hook, HookEvent e)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentNullException.ThrowIfNull(e);
        var state = _states.GetOrAdd(hook.Key, _ => new HookState());
        lock (state)
        {
            if (HookTriggers.IsFileTrigger(e.Trigger))
            {
                e = Admit(hook, state, e);
                if (e.Files.Count == 0)
                {
                    return;
                }
            }
            if (state.Running)
            {
                state.Queued = Merge(state.Queued, e);
                return;
            }
            state.Chain = clock.GetUtcNow() - state.LastEnded < ChainWindow ? state.Chain + 1 : 0;
            if (state.Chain > MaxChain)
            {
                Stop(hook, state, e);
                return;
            }
            state.Running = true;
        }
        Task drain;
        lock (_background)
        {
            drain = Task.Run(() => DrainAsync(hook, state, e));
            _background.Add(drain);
        }
        // Added under the lock first, so the removal cannot come before the addition.
        _ = drain.ContinueWith(ended => { lock (_background) { _background.Remove(ended); } }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>
    /// Stopping the server kills running commands with their process trees, and waits for that: a server that exited
    /// first would leave a background run's command running on, orphaned (tool calls wait for their own runs).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Task[] running;
        lock (_background)
        {
            running = [.. _background];
        }
        // A run that failed was logged where it ran; one still going after the bound holds only a pipe open after the kill.
        await Task.WhenAll(running).WaitAsync(StopTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    /// <summary>Cancels without waiting, for a synchronous disposal; the host disposes asynchronously.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task DrainAsync(HookDefinition hook, HookState state, HookEvent e)
    {
        for (var next = e; next is not null;)
        {
            try
            {
                await RunAsync(hook, next, CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                // The server is stopping.
            }
            catch (ObjectDisposedException)
            {
                // The server stopped.
            }
            lock (state)
            {
                next = state.Queued;
                state.Queued = null;
                // A follow-up is a run caused by changes made while the hook ran: it counts toward the chain.
                if (next is not null && ++state.Chain > MaxChain)
                {
                    Stop(hook, state, next);
                    next = null;
                }
                state.Running = next is not null;
            }
        }
    }

    private async Task<HookOutcome> ExecuteAsync(HookDefinition hook, HookEvent e, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        if (hook.ActionType == HookActionType.Agent)
        {
            pending.Add(hook.Name, hook.File, e.Trigger, e.Describe(), hook.Prompt!, e.Origin);
            var delivered = NewRun(hook, e, started, 0, null, "delivered", "The prompt waits for the assistant's next tool call (or hook_pending).");
            await RecordAsync(delivered);
            return new HookOutcome(delivered, null);
        }

        CommandResult result;
        try
        {
            result = await commands.RunAsync(hook.Command!, hook.Timeout,
                new CommandOptions { Input = e.ToJson(hook.Name, root.FullPath), Environment = e.ToEnvironment(hook.Name, root.FullPath) }, cancellationToken);
        }
        catch (Win32Exception ex)
        {
            var failed = NewRun(hook, e, started, 0, null, "failed", $"The shell could not be started: {ex.Message}");
            await RecordAsync(failed);
            return new HookOutcome(failed, null);
        }
        var blocked = result.ExitCode == 2 && !result.TimedOut && e.Trigger == HookTriggers.PreTaskExec;
        var outcome = result.TimedOut ? "timed_out" : result.ExitCode == 0 ? "ok" : blocked ? "blocked" : "failed";
        var run = NewRun(hook, e, started, result.DurationMs, result.TimedOut ? null : result.ExitCode, outcome, result.OutputTail) with
        {
            KilledProcesses = result.KilledProcesses,
            Survivors = result.Survivors,
            OutputDroppedBytes = result.OutputDroppedBytes,
        };
        await RecordAsync(run);
        var reason = string.IsNullOrWhiteSpace(result.ErrorTail) ? result.OutputTail : result.ErrorTail;
        return new HookOutcome(run, blocked ? $"hook '{hook.Name}' exited with code 2: {reason.Trim()}" : null);
    }

    /// <summary>The event's files that may still fire the hook, each counted as a run (called under the state's lock).</summary>
    private HookEvent Admit(HookDefinition hook, HookState state, HookEvent e)
    {
        var now = clock.GetUtcNow();
        var admitted = new List<string>(e.Files.Count);
        var stopped = new List<string>();
        foreach (var file in e.Files)
        {
            if (!state.Files.TryGetValue(file, out var rate))
            {
                if (state.Files.Count >= MaxTrackedFiles)
                {
                    Forget(state, now);
                }
                state.Files[file] = rate = new FileRate();
            }
            if (rate.StoppedUntil > now)
            {
                continue;
            }
            while (rate.Runs.Count > 0 && now - rate.Runs.Peek() > FileRunWindow)
            {
                rate.Runs.Dequeue();
            }
            if (rate.Runs.Count >= MaxFileRuns)
            {
                rate.StoppedUntil = now + FileCooldown;
                rate.Runs.Clear();
                stopped.Add(file);
                continue;
            }
            rate.Runs.Enqueue(now);
            admitted.Add(file);
        }
        if (stopped.Count > 0)
        {
            _ = RecordAsync(Skipped(hook, e with { Files = stopped },
                $"Not run for {string.Join(", ", stopped)}: fired by changes to {(stopped.Count == 1 ? "it" : "them")} {MaxFileRuns} times within {FileRunWindow.TotalSeconds:0} s, " +
                $"which looks like the hook's own writes (a delayed self-trigger). It fires for {(stopped.Count == 1 ? "this file" : "these files")} again after {FileCooldown.TotalMinutes:0} min, or at once after hook_run."));
        }
        return admitted.Count == e.Files.Count ? e : e with { Files = admitted };
    }

    private static void Forget(HookState state, DateTimeOffset now)
    {
        foreach (var (file, rate) in state.Files.ToList())
        {
            if (rate.StoppedUntil <= now && (rate.Runs.Count == 0 || now - rate.Runs.Last() > FileRunWindow))
            {
                state.Files.Remove(file);
            }
        }
    }

    private static HookEvent Merge(HookEvent? queued, HookEvent e) =>
        queued is null ? e : queued with { Files = [.. queued.Files.Union(e.Files, StringComparer.Ordinal)] };

    /// <summary>Notes once per chain that the hook was not run again (called under the state's lock).</summary>
    private void Stop(HookDefinition hook, HookState state, HookEvent e)
    {
        if (!state.StopRecorded)
        {
            state.StopRecorded = true;
            _ = RecordAsync(Skipped(hook, e, $"Not run: fired again {MaxChain + 1} times in a row by changes made while it ran or just after, which looks like its own writes. It runs again on a change made later."));
        }
    }

    private HookRun Skipped(HookDefinition hook, HookEvent e, string why) => NewRun(hook, e, clock.GetUtcNow(), 0, null, "skipped", why);

    private static HookRun NewRun(HookDefinition hook, HookEvent e, DateTimeOffset started, long duration, int? exitCode, string outcome, string output) =>
        new(hook.Name, hook.File, e.Trigger, e.Files, e.Spec, e.TaskId, hook.ActionType == HookActionType.Command ? "command" : "agent",
            started, duration, exitCode, outcome, output);

    private async Task RecordAsync(HookRun run)
    {
        try
        {
            await history.AddAsync(run, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KiroException)
        {
            // The run happened; failing to note it (a read-only disk) must not fail the run.
        }
    }

    private sealed class HookState
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public bool Running { get; set; }

        public HookEvent? Queued { get; set; }

        public DateTimeOffset LastEnded { get; set; } = DateTimeOffset.MinValue;

        public int Chain
        {
            get;
            set
            {
                field = value;
                if (value == 0)
                {
                    StopRecorded = false;
                }
            }
        }

        public bool StopRecorded { get; set; }

        /// <summary>Recent file-triggered runs per file, for the rate rule.</summary>
        public Dictionary<string, FileRate> Files { get; } = new(StringComparer.Ordinal);
    }

    private sealed class FileRate
    {
        public Queue<DateTimeOffset> Runs { get; } = new();

        public DateTimeOffset StoppedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
