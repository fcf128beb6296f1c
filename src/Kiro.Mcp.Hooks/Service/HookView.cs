using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Hooks.Execution;

namespace Kiro.Mcp.Hooks.Service;

/// <summary>
/// One hook as hook_list shows it. <see cref="Fires"/> is false when it is disabled, superseded or
/// shadowed (<see cref="Inactive"/> says which), when its trigger is one only the assistant sees,
/// or when command hooks are off (--no-command-hooks, or a workspace the user has not trusted).
/// </summary>
public sealed record HookView(
    string Name,
    string Source,
    string File,
    int Line,
    string Format,
    string Trigger,
    string? Matcher,
    IReadOnlyList<string> Patterns,
    string Action,
    string? Command,
    string? Prompt,
    int TimeoutSeconds,
    bool Enabled,
    bool Fires,
    string? Inactive,
    HookRun? LastRun,
    IReadOnlyList<HookFinding> Findings);
