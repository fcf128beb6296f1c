using System.Globalization;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Export;

/// <summary>
/// One page of an export's text: at most <see cref="MaxCharacters"/>, cut at a line end, so a large
/// spec never makes one huge tool result. Concatenating the pages in order gives the whole export.
/// </summary>
/// <param name="Offset">Where this page starts in the whole export (characters).</param>
/// <param name="NextCursor">Pass back as <c>cursor</c> for the next page; null on the last one.</param>
public sealed record ExportPage(string Text, int Offset, int TotalCharacters, string? NextCursor)
{
    public const int MaxCharacters = 20_000;

    public static ExportPage Of(string content, string? cursor)
    {
        var offset = 0;
        if (!string.IsNullOrEmpty(cursor)
            && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > content.Length))
        {
            throw new KiroException("cursor_invalid", $"'{cursor}' is not a cursor of this export. Pass the nextCursor of the previous page, or leave cursor out for the first page.");
        }
        var end = Math.Min(content.Length, offset + MaxCharacters);
        if (end < content.Length)
        {
            // Cut after the last line end of the page; a single longer line is cut where it must be.
            var newline = content.LastIndexOf('\n', end - 1, end - offset);
            end = newline >= offset ? newline + 1 : end;
        }
        return new ExportPage(content[offset..end], offset, content.Length, end < content.Length ? end.ToString(CultureInfo.InvariantCulture) : null);
    }
}
