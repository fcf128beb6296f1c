namespace Kiro.Mcp.Specs.Workflow;

/// <summary>Who approved which version of a document, and when.</summary>
/// <param name="Version">The document's content version at approval; a later edit makes the approval stale.</param>
/// <param name="By">The authenticated user over HTTP, otherwise the client's name and version.</param>
public sealed record ApprovalRecord(string Version, string By, DateTimeOffset At, string? Note);
