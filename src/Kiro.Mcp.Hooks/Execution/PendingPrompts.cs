namespace Kiro.Mcp.Hooks.Execution;

/// <summary>
/// Agent hooks' prompts waiting for the assistant. Each is handed out once, by whichever comes
/// first: the next tool result (the server appends it) or hook_pending. <see cref="Changed"/> lets
/// the server tell subscribers of the pending resource.
/// </summary>
public sealed class PendingPrompts(TimeProvider clock)
{
    /// <summary>Beyond this, the oldest prompts are dropped: an assistant that never calls a tool cannot grow memory.</summary>
    public const int MaxPending = 100;

    private readonly Lock _gate = new();
    private readonly List<PendingPrompt> _prompts = [];
    private long _nextId;

    public event Action? Changed;

    public PendingPrompt Add(string hook, string file, string trigger, string description, string prompt)
    {
        PendingPrompt added;
        lock (_gate)
        {
            added = new PendingPrompt(++_nextId, hook, file, trigger, description, prompt, clock.GetUtcNow());
            _prompts.Add(added);
            if (_prompts.Count > MaxPending)
            {
                _prompts.RemoveRange(0, _prompts.Count - MaxPending);
            }
        }
        Changed?.Invoke();
        return added;
    }

    /// <summary>Every waiting prompt, oldest first, without handing them out.</summary>
    public IReadOnlyList<PendingPrompt> Peek()
    {
        lock (_gate)
        {
            return [.. _prompts];
        }
    }

    /// <summary>Hands out every waiting prompt: none of them is returned again.</summary>
    public IReadOnlyList<PendingPrompt> TakeAll()
    {
        List<PendingPrompt> taken;
        lock (_gate)
        {
            if (_prompts.Count == 0)
            {
                return [];
            }
            taken = [.. _prompts];
            _prompts.Clear();
        }
        Changed?.Invoke();
        return taken;
    }
}
