namespace Kiro.Mcp.Specs.Service;

/// <summary>A recorded approval, or (when <see cref="Approved"/> is false) a recorded request for changes or why nothing was recorded.</summary>
/// <param name="By">The display name of who decided; their id and whether a token proved it are in .workflow.json and spec_status.</param>
/// <param name="NextStep">What to do now; a request's comment and anything the user should know (such as an unchecked second-person rule) are said here.</param>
public sealed record ApprovalOutcome(
    string Spec,
    string Document,
    bool Approved,
    string Version,
    string? By,
    DateTimeOffset? At,
    string NextStep);
