namespace Kiro.Mcp.Steering.Generation.Analysis.Git;

/// <summary>A folder (up to two levels deep) and how many recent commits touched a file in it.</summary>
public sealed record FolderActivity(string Folder, int Commits);
