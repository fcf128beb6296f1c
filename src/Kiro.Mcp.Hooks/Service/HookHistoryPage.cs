using Kiro.Mcp.Hooks.Execution;

namespace Kiro.Mcp.Hooks.Service;

/// <summary>The result of hook_history: recent runs, newest first.</summary>
public sealed record HookHistoryPage(IReadOnlyList<HookRun> Runs);
