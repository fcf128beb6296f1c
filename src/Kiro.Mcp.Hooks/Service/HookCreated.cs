namespace Kiro.Mcp.Hooks.Service;

/// <summary>The result of hook_create: the new file and the hook as it now lists.</summary>
public sealed record HookCreated(string File, HookView Hook, string NextStep);
