namespace Kiro.Mcp.Steering.References;

/// <summary>One <c>#[[file:path]]</c> reference and what became of it.</summary>
/// <param name="Status">included, missing, refused, too_large, not_text or limit (too many or too much text already).</param>
/// <param name="Note">Why it was not included; null when it was.</param>
public sealed record FileReference(string Path, string Status, string? Note);
