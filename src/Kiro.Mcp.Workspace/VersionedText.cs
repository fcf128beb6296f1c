namespace Kiro.Mcp.Workspace;

/// <summary>A file's text and its version: a hash of its bytes, used for optimistic concurrency.</summary>
public sealed record VersionedText(string Text, string Version);
