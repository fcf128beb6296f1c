namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>Every hook of the workspace and the user, and every finding about their files, as read at one moment.</summary>
public sealed record HookSet(IReadOnlyList<HookDefinition> Hooks, IReadOnlyList<HookFinding> Findings)
{
    public static readonly HookSet Empty = new([], []);

    /// <summary>The hooks that fire on their trigger: enabled and not superseded or shadowed.</summary>
    public IEnumerable<HookDefinition> Active => Hooks.Where(h => h.Enabled && h.Inactive is null);
}
