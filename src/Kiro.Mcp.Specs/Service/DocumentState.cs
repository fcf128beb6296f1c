namespace Kiro.Mcp.Specs.Service;

/// <summary>One document of a spec as <c>spec_status</c> reports it.</summary>
/// <param name="Approval">"none", "approved", "stale" (approved, then changed) or "changes_requested" (of the current version).</param>
/// <param name="By">Who approved, or who asked for changes: the display name.</param>
public sealed record DocumentState(string Document, bool Exists, string? Version, string Approval, string? By, DateTimeOffset? At)
{
    /// <summary>The stable id of <see cref="By"/> (a token's user id), and whether a token proved it.</summary>
    public string? ById { get; init; }

    public bool? Verified { get; init; }

    /// <summary>What the reviewer asked to change, while <see cref="Approval"/> is "changes_requested".</summary>
    public string? Comment { get; init; }

    /// <summary>Who wrote the current version through the server; null when unknown (written in an editor).</summary>
    public string? WrittenBy { get; init; }
}
