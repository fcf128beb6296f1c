namespace Kiro.Mcp.Hooks.Service;

/// <summary>What the operator allows. Command hooks run shell commands from files in the repository: <c>--no-command-hooks</c> turns them off.</summary>
public sealed record HookSettings
{
    public bool CommandHooks { get; init; } = true;
}
