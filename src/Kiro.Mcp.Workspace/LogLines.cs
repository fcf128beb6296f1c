namespace Kiro.Mcp.Workspace;

/// <summary>Lines an <see cref="AppendLog"/> hands out: complete, each ending in LF, valid only during the call they are handed to.</summary>
/// <param name="Reset">The file is not the one read before (rewritten, truncated, replaced or deleted): forget what
/// earlier lines said; <paramref name="Lines"/> is then every complete line of the file.</param>
public readonly record struct LogLines(bool Reset, ReadOnlyMemory<byte> Lines);
