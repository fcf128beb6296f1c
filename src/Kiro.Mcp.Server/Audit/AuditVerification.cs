namespace Kiro.Mcp.Server.Audit;

/// <summary>The outcome of checking an audit log: intact, or the first line (1-based) where the chain breaks and why.</summary>
public sealed record AuditVerification(long Lines, long? BrokenLine, string? Reason)
{
    public bool Intact => BrokenLine is null;
}
