using Kiro.Mcp.Hooks.Execution;

namespace Kiro.Mcp.Hooks.Service;

/// <summary>The result of hook_pending: the agent hook prompts handed out now (never again).</summary>
public sealed record PendingList(IReadOnlyList<PendingPrompt> Prompts, string NextStep);
