namespace Kiro.Mcp.Specs.Service;

/// <summary>One document of a spec as <c>spec_status</c> reports it.</summary>
/// <param name="Approval">"none", "approved", or "stale" (approved, then changed).</param>
public sealed record DocumentState(string Document, bool Exists, string? Version, string Approval, string? By, DateTimeOffset? At);
