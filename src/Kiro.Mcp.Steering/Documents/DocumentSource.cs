namespace Kiro.Mcp.Steering.Documents;

/// <summary>Where a steering document comes from.</summary>
public enum DocumentSource
{
    /// <summary><c>.kiro/steering/*.md</c> in the workspace.</summary>
    Workspace,

    /// <summary><c>~/.kiro/steering/*.md</c>: read-only here, and a workspace file of the same name wins.</summary>
    Global,

    /// <summary>An <c>AGENTS.md</c> at the workspace root (always included) or in a sub-folder (included for paths under it).</summary>
    Agents,
}
