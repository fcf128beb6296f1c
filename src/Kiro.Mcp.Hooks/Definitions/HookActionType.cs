namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>What a hook does: run a shell command in the workspace, or hand a prompt to the assistant.</summary>
public enum HookActionType
{
    Command,
    Agent,
}
