namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>Where a hook file lives: the workspace's <c>.kiro/hooks</c> or the user's <c>~/.kiro/hooks</c>.</summary>
public enum HookSource
{
    Workspace,
    User,
}
