namespace Kiro.Mcp.Workspace;

/// <summary>A commit: its id and the first line of its message.</summary>
public sealed record GitCommit(string Sha, string Message);
