namespace Kiro.Mcp.Specs.Service;

/// <summary>A recorded approval, or (when <see cref="Approved"/> is false) a request for changes or why nothing was recorded.</summary>
/// <param name="By">The display name of who decided.</param>
public sealed record ApprovalOutcome(
    string Spec,
    string Document,
    bool Approved,
    string Version,
    string? By,
    DateTimeOffset? At,
    string NextStep)
{
    /// <summary>"approved", "changes_requested", or null when nothing was recorded.</summary>
    public string? Decision { get; init; }

    /// <summary>The stable id of <see cref="By"/>, and whether a token proved it.</summary>
    public string? ById { get; init; }

    public bool? Verified { get; init; }

    /// <summary>What a request for changes asks for.</summary>
    public string? Comment { get; init; }

    /// <summary>Something the user should know about the approval, e.g. that the second-person rule could not be checked.</summary>
    public string? Notice { get; init; }
}
