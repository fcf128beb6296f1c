using Kiro.Mcp.Hooks.Execution;

namespace Kiro.Mcp.Server.Resources;

/// <summary>The body of the pending-prompts resource: <c>{"prompts": [...]}</c>.</summary>
public sealed record PendingPromptList(IReadOnlyList<PendingPrompt> Prompts);
