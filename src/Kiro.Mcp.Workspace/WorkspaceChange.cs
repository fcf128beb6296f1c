namespace Kiro.Mcp.Workspace;

/// <summary>One file's change over a quiet period: its workspace-relative path ('/' separators) and what happened.</summary>
public sealed record WorkspaceChange(string Path, WorkspaceChangeKind Kind);
