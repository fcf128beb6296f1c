namespace Kiro.Mcp.Server.Workspaces;

/// <summary>A registered workspace: the name clients use and the folder it stands for (full path).</summary>
public sealed record WorkspaceEntry(string Name, string Path);
