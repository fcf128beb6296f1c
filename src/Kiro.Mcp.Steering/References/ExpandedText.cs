namespace Kiro.Mcp.Steering.References;

/// <summary>A document's text with its file references replaced by the files' contents (or by notes saying why not).</summary>
public sealed record ExpandedText(string Text, IReadOnlyList<FileReference> References);
