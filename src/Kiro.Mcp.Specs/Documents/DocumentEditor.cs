using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// Lossless edits: each operation splices exactly the bytes it must and leaves every other byte —
/// blank lines, CRLF, BOM, odd indentation — as it was.
/// </summary>
public static class DocumentEditor
{
    public static string ReadSection(string text, string section)
    {
        var heading = Find(text, section);
        return text[heading.Start..heading.End];
    }

    /// <summary>
    /// Replaces a section's body, or the whole section when <paramref name="content"/> starts with a
    /// heading line. The content takes the document's line endings.
    /// </summary>
    public static string ReplaceSection(string text, string section, string content)
    {
        var heading = Find(text, section);
        var replacement = NormalizeLineEndings(content.TrimStart('\uFEFF'), text);
        var start = replacement.TrimStart().StartsWith('#') ? heading.Start : heading.BodyStart;
        var newline = LineEnding(text);
        // The next heading must stay on its own line.
        if (heading.End < text.Length && replacement.Length > 0 && !replacement.EndsWith('\n'))
        {
            replacement += newline;
        }
        return string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(heading.End));
    }

    /// <summary>Changes the one status character of <paramref name="task"/>.</summary>
    public static string SetTaskStatus(string text, TaskItem task, TaskStatus status)
    {
        if (task.StatusOffset >= text.Length || text[task.StatusOffset] is not (' ' or 'x' or 'X' or '-' or '~'))
        {
            throw new KiroException("document_changed", $"Task {task.Id} is no longer where it was in tasks.md. Read the tasks again and retry.");
        }
        var mark = status switch
        {
            TaskStatus.Done => 'x',
            TaskStatus.InProgress => '-',
            TaskStatus.Queued => '~',
            _ => ' ',
        };
        return string.Create(text.Length, (text, task.StatusOffset, mark), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            span[state.StatusOffset] = state.mark;
        });
    }

    /// <summary>Converts <paramref name="content"/> to the line endings of <paramref name="documentText"/> (LF when it has none).</summary>
    public static string NormalizeLineEndings(string content, string documentText)
    {
        var lf = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        return LineEnding(documentText) == "\r\n" ? lf.Replace("\n", "\r\n", StringComparison.Ordinal) : lf;
    }

    private static string LineEnding(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
    }

    private static Heading Find(string text, string section)
    {
        var headings = MarkdownOutline.Parse(text);
        var wanted = section.Trim().TrimStart('#').Trim();
        var exact = headings.Where(h => h.Text.Equals(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        var matches = exact.Count > 0 ? exact : headings.Where(h => wanted.Length > 0 && h.Text.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(h.Text[wanted.Length])).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }
        var available = string.Join("; ", headings.Select(h => h.Text).Distinct().Take(60));
        throw new KiroException("section_not_found", matches.Count == 0
            ? $"There is no section '{section}'. Sections: {available}."
            : $"'{section}' matches {matches.Count} sections; give the full heading. Sections: {available}.");
    }
}
