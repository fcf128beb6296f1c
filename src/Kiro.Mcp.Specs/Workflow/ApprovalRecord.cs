namespace Kiro.Mcp.Specs.Workflow;

/// <summary>Who approved which version of a document, and when.</summary>
/// <param name="Version">The document's approval version at approval; a later edit makes the approval stale.</param>
/// <param name="By">The verified user over HTTP with authentication, otherwise the local user. Files written
/// before identities were recorded hold only a name: read back as an unverified actor of that name.</param>
public sealed record ApprovalRecord(string Version, Actor By, DateTimeOffset At, string? Note);
