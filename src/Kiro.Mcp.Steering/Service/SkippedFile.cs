namespace Kiro.Mcp.Steering.Service;

/// <summary>A steering file that exists but was not read (a link out of the workspace, too large), and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
