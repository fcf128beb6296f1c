namespace Kiro.Mcp.Specs.Service;

/// <summary>One document of a spec as <c>spec_status</c> reports it.</summary>
/// <param name="Approval">"none", "approved", "stale" (approved, then changed) or "changes_requested" (of the current version).</param>
/// <param name="By">Who approved, or who asked for changes: the display name.</param>
/// <remarks>
/// Whether the decider was verified, and who wrote the current version, stay in .workflow.json: every field here
/// costs each client tokens in the output schema of tools/list.
/// </remarks>
public sealed record DocumentState(string Document, bool Exists, string? Version, string Approval, string? By, DateTimeOffset? At)
{
    /// <summary>The stable id of <see cref="By"/>: a token's user id, or "local" for the local user.</summary>
    public string? ById { get; init; }

    /// <summary>What the reviewer asked to change, while <see cref="Approval"/> is "changes_requested".</summary>
    public string? Comment { get; init; }
}
