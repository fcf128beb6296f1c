namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// A markdown heading and the section it opens. Offsets are character offsets into the document
/// text exactly as read (a BOM, if any, is character 0); lines are 1-based.
/// </summary>
/// <param name="Level">1 for <c>#</c>, 2 for <c>##</c>, ...</param>
/// <param name="Text">The heading's text without the <c>#</c> marks, trimmed.</param>
/// <param name="Line">The heading's line.</param>
/// <param name="Start">Offset of the heading line's first character.</param>
/// <param name="BodyStart">Offset just after the heading line's line ending (start of the section body).</param>
/// <param name="End">Offset where the section ends: the next heading of the same or a higher level, or the end of the text.</param>
public sealed record Heading(int Level, string Text, int Line, int Start, int BodyStart, int End);
