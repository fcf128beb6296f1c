namespace Kiro.Mcp.Hooks.Execution;

/// <summary>
/// Agent hooks' prompts waiting for the assistant, each addressed to one session and handed out
/// once, to that session only: with its next tool result (the server appends it) or by hook_pending.
/// </summary>
/// <remarks>
/// Whom a prompt is for:
/// <list type="bullet">
/// <item>An event a caller caused (task_start, task_complete, spec_approve, spec_create, hook_run, or
/// a file this server wrote during their tool call): that caller's session; on stateless HTTP, which
/// has no sessions, that user.</item>
/// <item>An event nobody here caused (an editor's save): the session that called a tool most recently;
/// with none seen yet, the first session to call one.</item>
/// <item>A session silent for <see cref="SessionIdle"/> counts as gone: its prompts pass to the next
/// session of the same user that calls, never to another user's.</item>
/// </list>
/// At most <see cref="MaxPending"/> prompts wait per recipient and <see cref="MaxTotal"/> in all; the
/// oldest are dropped, and <see cref="Dropped"/> says so.
/// </remarks>
public sealed class PendingPrompts(TimeProvider clock)
{
    /// <summary>Per recipient: an assistant that never calls a tool cannot grow memory.</summary>
    public const int MaxPending = 100;

    public const int MaxTotal = 1000;

    public static readonly TimeSpan SessionIdle = TimeSpan.FromMinutes(10);

    private const int MaxSessions = 1000;

    private readonly Lock _gate = new();
    private readonly List<Entry> _prompts = [];
    private readonly Dictionary<string, Seen> _sessions = new(StringComparer.Ordinal);
    private long _nextId;

    public event Action? Changed;

    /// <summary>A prompt dropped unread because too many were waiting.</summary>
    public event Action<PendingPrompt>? Dropped;

    /// <summary>Notes that <paramref name="caller"/> is alive (every tool call and read says so).</summary>
    public void Saw(HookOrigin caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        lock (_gate)
        {
            SawLocked(caller);
        }
    }

    /// <summary>Queues a prompt for <paramref name="cause"/>'s session, or for the most recently active one when nobody here caused the event.</summary>
    public PendingPrompt Add(string hook, string file, string trigger, string description, string prompt, HookOrigin? cause)
    {
        PendingPrompt added;
        var dropped = new List<PendingPrompt>();
        lock (_gate)
        {
            added = new PendingPrompt(++_nextId, hook, file, trigger, description, prompt, clock.GetUtcNow());
            var recipient = cause ?? _sessions.Values.Where(s => Alive(s)).MaxBy(s => s.At)?.Origin;
            _prompts.Add(new Entry(added, recipient));
            var mine = _prompts.Where(p => p.Recipient?.Key == recipient?.Key).ToList();
            foreach (var old in mine.Take(Math.Max(0, mine.Count - MaxPending)).Concat(_prompts.Take(Math.Max(0, _prompts.Count - MaxTotal))).Distinct().ToList())
            {
                _prompts.Remove(old);
                dropped.Add(old.Prompt);
            }
        }
        foreach (var lost in dropped)
        {
            Dropped?.Invoke(lost);
        }
        Changed?.Invoke();
        return added;
    }

    /// <summary>The prompts waiting for <paramref name="reader"/>, oldest first, without handing them out.</summary>
    public IReadOnlyList<PendingPrompt> Peek(HookOrigin reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        lock (_gate)
        {
            SawLocked(reader);
            return [.. _prompts.Where(p => IsFor(p, reader)).Select(p => p.Prompt)];
        }
    }

    /// <summary>Hands out every prompt waiting for <paramref name="reader"/>: none of them is returned again.</summary>
    public IReadOnlyList<PendingPrompt> Take(HookOrigin reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        List<Entry> taken;
        lock (_gate)
        {
            SawLocked(reader);
            taken = [.. _prompts.Where(p => IsFor(p, reader))];
            if (taken.Count == 0)
            {
                return [];
            }
            _prompts.RemoveAll(taken.Contains);
        }
        Changed?.Invoke();
        return [.. taken.Select(p => p.Prompt)];
    }

    /// <summary>Its own recipient's; a gone session's passes to its user's next session; an unaddressed one to the first caller.</summary>
    private bool IsFor(Entry entry, HookOrigin reader)
    {
        if (entry.Recipient is not { } recipient)
        {
            return true;
        }
        if (recipient.Key == reader.Key)
        {
            return true;
        }
        return recipient.User == reader.User
            && (!_sessions.TryGetValue(recipient.Key, out var seen) || !Alive(seen));
    }

    private bool Alive(Seen seen) => clock.GetUtcNow() - seen.At < SessionIdle;

    private void SawLocked(HookOrigin caller)
    {
        if (!_sessions.ContainsKey(caller.Key) && _sessions.Count >= MaxSessions)
        {
            _sessions.Remove(_sessions.MinBy(s => s.Value.At).Key);
        }
        _sessions[caller.Key] = new Seen(caller, clock.GetUtcNow());
    }

    private sealed record Entry(PendingPrompt Prompt, HookOrigin? Recipient);

    private sealed record Seen(HookOrigin Origin, DateTimeOffset At);
}
