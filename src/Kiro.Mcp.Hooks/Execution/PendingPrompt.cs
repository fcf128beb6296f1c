namespace Kiro.Mcp.Hooks.Execution;

/// <summary>An agent hook's prompt waiting for the assistant, with what fired it.</summary>
public sealed record PendingPrompt(long Id, string Hook, string File, string Trigger, string Event, string Prompt, DateTimeOffset At)
{
    /// <summary>The notice as the assistant reads it, appended to a tool result or listed by hook_pending.</summary>
    public string Notice => $"[hook] '{Hook}' ({Event}) asks: {Prompt}";
}
