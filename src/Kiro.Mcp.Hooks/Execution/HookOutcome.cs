namespace Kiro.Mcp.Hooks.Execution;

/// <summary>A finished run and, when a PreTaskExec command refused (exit code 2), the reason it gave on standard error.</summary>
public sealed record HookOutcome(HookRun Run, string? BlockReason);
