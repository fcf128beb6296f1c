namespace Kiro.Mcp.Server.Audit;

/// <summary>One page of audit entries, newest first; <see cref="NextCursor"/> fetches the older ones.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? NextCursor);
