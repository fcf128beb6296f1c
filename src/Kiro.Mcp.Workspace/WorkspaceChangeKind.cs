namespace Kiro.Mcp.Workspace;

/// <summary>What happened to a file over one quiet period, after its events were coalesced.</summary>
public enum WorkspaceChangeKind
{
    Created,
    Saved,
    Deleted,
}
