namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// spec_export's structured result: what the export is. The export itself comes as an embedded
/// resource of the right MIME type (CSV or JSON as text), not as a JSON string inside JSON.
/// </summary>
/// <param name="Items">Requirements + tasks (json), rows (csv) or issues (github), in the whole export.</param>
/// <param name="Offset">Where this page starts in the whole export (characters).</param>
/// <param name="NextCursor">Pass as cursor for the next page; null when this page ends the export.</param>
public sealed record ExportResult(string Spec, string Format, string MediaType, string Uri, int Items, int TotalCharacters, int Offset, string? NextCursor);
