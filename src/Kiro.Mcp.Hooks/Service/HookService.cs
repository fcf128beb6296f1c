using System.Text;
using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Hooks.Execution;
using Kiro.Mcp.Hooks.Triggers;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Hooks.Service;

/// <summary>
/// The hooks as operations: list, create, run by hand, hand out pending prompts, history; and the
/// entry points the triggers call (file changes, spec lifecycle). Hook files are read on every
/// event, so edits on disk take effect at once.
/// </summary>
public sealed class HookService(HookCatalog catalog, HookRunner runner, PendingPrompts pending, HookHistory history, FileStore store, HookSettings settings, HookMatcher matcher, WriterLog writers)
{
    public const int MaxNameLength = 100;
    public const int DefaultHistory = 20;
    public const int MaxHistory = HookHistory.MaxRuns;

    // Prompts and commands can be long; a listing shows enough to recognise them.
    private const int MaxShown = 500;

    public PendingPrompts Pending => pending;

    /// <summary>Writing tool calls by caller, to tell whose save a file event is.</summary>
    public WriterLog Writers => writers;

    public async Task<HookList> ListAsync(CancellationToken cancellationToken)
    {
        var set = await catalog.LoadAsync(cancellationToken);
        var runs = await history.RecentAsync(HookHistory.MaxRuns, cancellationToken);
        set = set with { Findings = [.. set.Findings, .. matcher.Findings, .. WatchFindings()] };
        var trusted = settings.Trust.IsTrusted;
        var hooks = set.Hooks.Select(h => View(h, set, runs, trusted)).ToList();
        return new HookList(hooks, set.Findings, settings.CommandHooks && trusted, trusted,
            trusted ? null : settings.Trust.Untrusted(UntrustedWhat), [HookCatalog.WorkspaceFolder, HookCatalog.UserPrefix.TrimEnd('/')]);
    }

    private IEnumerable<HookFinding> WatchFindings()
    {
        if (settings.WatchProblem() is { } problem)
        {
            yield return new HookFinding(HookCatalog.WorkspaceFolder, 0, HookFinding.Warning, $"File hooks may fire up to a few seconds late: {problem}");
        }
    }

    /// <summary>Raised, before <see cref="CreateAsync"/> returns, when it wrote a hook that fires on file changes.</summary>
    public event Action? FileHookCreated;

    public async Task<HookCreated> CreateAsync(string name, string trigger, string? matcher, string actionType, string? command, string? prompt, int? timeout, CancellationToken cancellationToken)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0 || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            throw new KiroException("hook_name_invalid", $"A hook needs a name of 1 to {MaxNameLength} characters without control characters, e.g. 'Lint on save'.");
        }
        var v1Trigger = HookTriggers.Normalize(trigger) ?? throw new KiroException("trigger_invalid",
            $"'{trigger}' is not a trigger. Use one of {string.Join(", ", HookTriggers.Fired)} (or Kiro's assistant-side {string.Join(", ", HookTriggers.AssistantOnly)}).");
        if (!string.IsNullOrEmpty(matcher) && HookFileReader.CheckRegex(matcher) is { } problem)
        {
            throw new KiroException("matcher_invalid", $"The matcher is not a regular expression: {problem} Example: '\\.(ts|tsx)$' for TypeScript files.");
        }
        var type = actionType?.Trim().ToLowerInvariant() switch
        {
            "command" => HookActionType.Command,
            "agent" => HookActionType.Agent,
            _ => throw new KiroException("action_invalid", $"actionType '{actionType}' is not an action. Use 'command' (runs a shell command) or 'agent' (hands a prompt to the assistant)."),
        };
        if (type == HookActionType.Command && string.IsNullOrWhiteSpace(command))
        {
            throw new KiroException("action_invalid", "A command hook needs 'command', the shell command to run in the workspace.");
        }
        if (type == HookActionType.Agent && string.IsNullOrWhiteSpace(prompt))
        {
            throw new KiroException("action_invalid", "An agent hook needs 'prompt', the instruction handed to the assistant.");
        }
        if (type == HookActionType.Command && !settings.CommandHooks)
        {
            throw CommandsOff();
        }
        if (timeout is < 0 or > HookDefinition.MaxTimeoutSeconds)
        {
            throw new KiroException("timeout_invalid", $"timeout {timeout} is out of range: give seconds from 1 to {HookDefinition.MaxTimeoutSeconds}, or 0 or nothing for the default {HookDefinition.DefaultTimeoutSeconds}.");
        }
        var set = await catalog.LoadAsync(cancellationToken);
        if (set.Hooks.FirstOrDefault(h => h.Source == HookSource.Workspace && h.Inactive is null && h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            throw new KiroException("hook_exists", $"The workspace already has a hook named '{existing.Name}' in {existing.File}. Choose another name, or edit that file.");
        }

        var slug = Slug(name);
        string file;
        for (var n = 1; ; n++)
        {
            // A legacy file of the same stem would read as migrated to this one: skip its name too.
            var stem = $"{HookCatalog.WorkspaceFolder}/{slug}{(n == 1 ? "" : $"-{n}")}";
            if (!store.FileExists(stem + HookFileReader.V1Extension) && !store.FileExists(stem + HookFileReader.LegacyExtension))
            {
                file = stem + HookFileReader.V1Extension;
                break;
            }
        }
        var hook = new HookDefinition
        {
            Name = name,
            Trigger = v1Trigger,
            Matcher = string.IsNullOrEmpty(matcher) ? null : matcher,
            ActionType = type,
            Command = type == HookActionType.Command ? command : null,
            Prompt = type == HookActionType.Agent ? prompt : null,
            TimeoutSeconds = timeout,
            Source = HookSource.Workspace,
            Format = HookFormat.V1,
            File = file,
            Line = 4,
        };
        await store.WriteAsync(file, V1HookWriter.Write([hook]), FileStore.Absent, cancellationToken);
        if (HookTriggers.IsFileTrigger(v1Trigger))
        {
            // Before answering: a file the caller saves right after creating the hook must already be watched.
            FileHookCreated?.Invoke();
        }
        set = await catalog.LoadAsync(cancellationToken);
        var created = set.Hooks.First(h => h.File == file);
        // Writing a command hook runs nothing, so it is allowed untrusted; the answer says it will not run yet.
        var untrusted = type == HookActionType.Command && !settings.Trust.IsTrusted ? " " + settings.Trust.Untrusted(UntrustedWhat) : "";
        var fires = HookTriggers.IsFired(v1Trigger)
            ? $"It fires on {v1Trigger}{(created.Matcher is null ? "" : $" when '{created.Matcher}' matches")}; try it with hook_run(name: '{name}')."
            : $"{v1Trigger} is a trigger only the assistant sees, so this server never fires it; Kiro does, and hook_run runs it here.";
        return new HookCreated(file, View(created, set, [], untrusted.Length == 0), $"Wrote {file} in Kiro's v1 format. {fires}{untrusted}");
    }

    /// <summary>Runs one hook now, by name, whatever its trigger, optionally for one file.</summary>
    public async Task<HookRunResult> RunAsync(string name, string? path, string? by, HookOrigin? origin, CancellationToken cancellationToken)
    {
        var set = await catalog.LoadAsync(cancellationToken);
        var candidates = set.Hooks.Where(h => h.Inactive is null && h.Name.Equals((name ?? "").Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
        {
            var names = set.Hooks.Where(h => h.Inactive is null).Select(h => $"'{h.Name}'").Distinct().ToList();
            throw new KiroException("hook_not_found",
                $"No hook is named '{name}'. {(names.Count == 0 ? "There are no hooks yet: create one with hook_create." : $"The hooks are {string.Join(", ", names)}; hook_list shows them all.")}");
        }
        if (candidates.Count > 1)
        {
            throw new KiroException("hook_ambiguous",
                $"Several hooks are named '{name}' ({string.Join(", ", candidates.Select(h => $"{h.File} line {h.Line}"))}). Rename one so each name is unique.");
        }
        var hook = candidates[0];
        if (hook.ActionType == HookActionType.Command && !settings.CommandHooks)
        {
            throw CommandsOff();
        }
        if (hook.ActionType == HookActionType.Command && !settings.Trust.IsTrusted)
        {
            throw settings.Trust.Refusal(UntrustedWhat);
        }
        IReadOnlyList<string> files = [];
        if (!string.IsNullOrWhiteSpace(path))
        {
            files = [store.Root.ToRelative(store.Root.Resolve(path))];
        }
        var outcome = await runner.RunAsync(hook, new HookEvent { Trigger = HookTriggers.Manual, Files = files, By = by, Origin = origin }, cancellationToken);
        var next = outcome.Run.Outcome switch
        {
            "delivered" => "The prompt is handed to the assistant with its next tool result (or by hook_pending).",
            "ok" => "The command succeeded.",
            "timed_out" => $"The command was killed at its timeout ({hook.Timeout.TotalSeconds:0} s) with every process it started ({outcome.Run.KilledProcesses} killed).",
            _ => $"The command failed with exit code {outcome.Run.ExitCode}: see the output.",
        };
        return new HookRunResult(outcome.Run, next);
    }

    /// <summary>Hands out the prompts waiting for <paramref name="reader"/>'s session (see <see cref="PendingPrompts"/> for whose they are).</summary>
    public PendingList TakePending(HookOrigin reader)
    {
        var prompts = pending.Take(reader);
        return new PendingList(prompts, prompts.Count == 0
            ? "No hook prompt is waiting."
            : "Act on each prompt (they come from the team's agent hooks), then continue with what you were doing.");
    }

    public async Task<HookHistoryPage> HistoryAsync(int? limit, CancellationToken cancellationToken) =>
        new(await history.RecentAsync(InputRange.Check("limit", limit, DefaultHistory, 1, MaxHistory), cancellationToken));

    /// <summary>Fires the file triggers for a burst of changes seen by the watcher; runs go to the background.</summary>
    public async Task OnFilesChangedAsync(IReadOnlyList<WorkspaceChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // One event per kind and per writer: a file this server wrote during someone's tool call is theirs.
        var events = changes.GroupBy(c => (c.Kind, Writer: WriterOf(c))).Select(g => new HookEvent
        {
            Trigger = g.Key.Kind switch
            {
                WorkspaceChangeKind.Created => HookTriggers.PostFileCreate,
                WorkspaceChangeKind.Deleted => HookTriggers.PostFileDelete,
                _ => HookTriggers.PostFileSave,
            },
            Files = g.Select(c => c.Path).ToList(),
            Origin = g.Key.Writer,
        }).ToList();
        var set = await catalog.LoadAsync(cancellationToken);
        foreach (var e in events)
        {
            foreach (var (hook, narrowed) in Matching(set, e))
            {
                runner.Schedule(hook, narrowed);
            }
        }
    }

    /// <summary>Runs the hooks of a blocking trigger now, in file order; the first refusal stops and is returned.</summary>
    public async Task<string?> FireAndWaitAsync(HookEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        e = e with { Origin = e.Origin ?? HookOrigin.Current };
        var set = await catalog.LoadAsync(cancellationToken);
        foreach (var (hook, narrowed) in Matching(set, e))
        {
            var outcome = await runner.RunAsync(hook, narrowed, cancellationToken);
            if (outcome.BlockReason is not null)
            {
                return outcome.BlockReason;
            }
        }
        return null;
    }

    /// <summary>Starts the hooks of a trigger in the background.</summary>
    public async Task FireAsync(HookEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        // Fired inside the caller's tool call (task_complete, spec_approve, spec_create): the prompt is theirs.
        e = e with { Origin = e.Origin ?? HookOrigin.Current };
        var set = await catalog.LoadAsync(cancellationToken);
        foreach (var (hook, narrowed) in Matching(set, e))
        {
            runner.Schedule(hook, narrowed);
        }
    }

    private HookOrigin? WriterOf(WorkspaceChange change)
    {
        if (change.Kind == WorkspaceChangeKind.Deleted)
        {
            return null;
        }
        try
        {
            var written = File.GetLastWriteTimeUtc(store.Root.Resolve(change.Path));
            return written.Year < 1700 ? null : writers.WriterAt(new DateTimeOffset(written, TimeSpan.Zero));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or KiroException or ArgumentException)
        {
            return null;
        }
    }

    private IEnumerable<(HookDefinition Hook, HookEvent Event)> Matching(HookSet set, HookEvent e)
    {
        // Decided once per event, before any command of it runs: the trust list is read from disk.
        var commands = settings.CommandHooks && set.Active.Any(h => h.ActionType == HookActionType.Command) && settings.Trust.IsTrusted;
        foreach (var hook in set.Active)
        {
            if (hook.ActionType == HookActionType.Command && !commands)
            {
                continue;
            }
            if (matcher.Apply(hook, e) is { } narrowed)
            {
                yield return (hook, narrowed);
            }
        }
    }

    private HookView View(HookDefinition hook, HookSet set, IReadOnlyList<HookRun> recentFirst, bool trusted = true) => new(
        hook.Name,
        hook.Source == HookSource.Workspace ? "workspace" : "user",
        hook.File,
        hook.Line,
        hook.Format == HookFormat.V1 ? "v1" : "legacy",
        hook.Trigger,
        hook.Matcher,
        hook.Patterns,
        hook.ActionType == HookActionType.Command ? "command" : "agent",
        Shorten(hook.Command),
        Shorten(hook.Prompt),
        hook.TimeoutSeconds ?? HookDefinition.DefaultTimeoutSeconds,
        hook.Enabled,
        hook.Enabled && hook.Inactive is null && HookTriggers.IsFired(hook.Trigger) && (hook.ActionType == HookActionType.Agent || (settings.CommandHooks && trusted)),
        hook.Inactive,
        recentFirst.FirstOrDefault(r => r.File == hook.File && r.Hook == hook.Name),
        set.Findings.Where(f => f.File == hook.File).ToList());

    private static string? Shorten(string? text) => text is null || text.Length <= MaxShown ? text : text[..MaxShown] + "…";

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "hook" : text[..Math.Min(text.Length, 60)].TrimEnd('-');
    }

    private const string UntrustedWhat = "its command hooks do not run (agent hooks do)";

    private static KiroException CommandsOff() => new("command_hooks_disabled",
        "Command hooks are turned off on this server (--no-command-hooks). Use an agent hook (actionType 'agent' with a prompt), or ask the user to restart the server without that option.");
}
