using Kiro.Mcp.Hooks.Execution;

namespace Kiro.Mcp.Hooks.Service;

/// <summary>The result of hook_run: how the run ended, with its output's tail.</summary>
public sealed record HookRunResult(HookRun Run, string NextStep);
