namespace Kiro.Mcp.Specs.Workflow;

/// <summary>
/// Who wrote a document's version through the server (spec_create's template, spec_write). A version on disk
/// that no record names was written some other way (an editor, git), so its writer is unknown.
/// </summary>
/// <param name="Version">The approval version written (for tasks.md, with status characters blanked: ticking a box is not authorship).</param>
public sealed record AuthorRecord(string Version, Actor By, DateTimeOffset At);
