namespace Kiro.Mcp.Specs.Service;

/// <summary>A status written to tasks.md, and the file's new version.</summary>
public sealed record TaskStatusChange(string Spec, string TaskId, string Previous, string Status, string Version);
