namespace Kiro.Mcp.Specs.Service;

/// <summary>A recorded approval, or (when <see cref="Approved"/> is false) why nothing was recorded.</summary>
public sealed record ApprovalOutcome(
    string Spec,
    string Document,
    bool Approved,
    string Version,
    string? By,
    DateTimeOffset? At,
    string NextStep);
