namespace Kiro.Mcp.Server.Workspaces;

/// <summary>The name of the workspace a service container belongs to: what its resource URIs carry.</summary>
public sealed record ServedWorkspace(string Name);
