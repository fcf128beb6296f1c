namespace Kiro.Mcp.Specs.Service;

/// <summary>A document (or one section of it) and the whole document's version, for a later <c>expectedVersion</c>.</summary>
/// <param name="Truncated">True when the document was too large to return whole: read it by section (see <see cref="Sections"/>) or as a resource.</param>
/// <param name="Sections">The document's headings, given when the text was truncated.</param>
public sealed record DocumentText(
    string Spec,
    string Document,
    string? Section,
    string Text,
    string Version,
    bool Truncated = false,
    IReadOnlyList<string>? Sections = null);
