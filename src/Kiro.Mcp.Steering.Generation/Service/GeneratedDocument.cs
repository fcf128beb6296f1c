namespace Kiro.Mcp.Steering.Generation.Service;

/// <summary>One steering document of a generation.</summary>
/// <param name="Name">"product", "tech" or "structure".</param>
/// <param name="Path">Workspace-relative path, e.g. ".kiro/steering/tech.md".</param>
/// <param name="Written">True when the file on disk was changed.</param>
/// <param name="Version">The file's version after the call (null when it does not exist).</param>
/// <param name="Content">The generated text; returned in a dry run, and when a hand-edited file was kept.</param>
/// <param name="Diff">A unified diff from the file on disk to the generated text, when they differ and the file was not replaced.</param>
public sealed record GeneratedDocument(string Name, string Path, DocumentOutcome Outcome, bool Written, string? Version, string? Content, string? Diff);
