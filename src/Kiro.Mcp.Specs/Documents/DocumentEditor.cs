using System.Text;
using System.Text.RegularExpressions;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// Lossless edits: each operation splices exactly the characters it must and leaves every other one —
/// blank lines, CRLF, BOM, odd indentation — as it was.
/// </summary>
public static partial class DocumentEditor
{
    private const int ListedHeadings = 60;

    /// <summary>The section from its heading line through the end of its last line (see <see cref="Heading.End"/>).</summary>
    /// <param name="section">
    /// The heading's text, case-insensitive ("Introduction"); may carry its <c>#</c> marks ("## Introduction"),
    /// which pick the level when several headings share a text; a unique prefix ending at a word boundary
    /// ("Requirement 2" for "Requirement 2: Export") is enough.
    /// </param>
    /// <exception cref="KiroException"><c>section_not_found</c> when no heading or several headings match.</exception>
    public static string ReadSection(string text, string section)
    {
        var heading = Find(text, section);
        return text[heading.Start..heading.End];
    }

    /// <summary>
    /// Replaces a section's body, or the whole section, heading included, when <paramref name="content"/>
    /// starts with a heading line. The content takes the document's line endings.
    /// </summary>
    /// <exception cref="KiroException"><c>section_not_found</c> when no heading or several headings match.</exception>
    public static string ReplaceSection(string text, string section, string content) => ReplaceSection(text, Find(text, section), content);

    /// <summary>Replaces the section of a heading found by <see cref="MarkdownOutline.Parse"/> on this same text.</summary>
    internal static string ReplaceSection(string text, Heading heading, string content)
    {
        var replacement = NormalizeLineEndings(content.TrimStart('\uFEFF'), text);
        var start = HeadingLine().IsMatch(replacement) ? heading.Start : heading.BodyStart;
        // The section ended with a line ending (always so when a heading follows); without one the
        // next heading would be glued to the new content's last line.
        var endedWithLineBreak = heading.End < text.Length || (text.Length > 0 && text[^1] is '\n' or '\r');
        if (endedWithLineBreak && replacement.Length > 0 && replacement[^1] is not ('\n' or '\r'))
        {
            replacement += LineEnding(text);
        }
        return string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(heading.End));
    }

    /// <summary>Changes the one status character of <paramref name="task"/>: <c>' '</c>, <c>'~'</c>, <c>'-'</c> or <c>'x'</c>.</summary>
    /// <exception cref="KiroException"><c>document_changed</c> when the text no longer has a checkbox at the task's offset.</exception>
    public static string SetTaskStatus(string text, TaskItem task, TaskStatus status)
    {
        if (StatusMark(text, task, status) is not { } mark)
        {
            return text;
        }
        return string.Create(text.Length, (text, task.StatusOffset, mark), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            span[state.StatusOffset] = state.mark;
        });
    }

    /// <summary>The character <see cref="SetTaskStatus"/> writes at the task's status offset, or null when it would change nothing.</summary>
    /// <exception cref="KiroException"><c>document_changed</c> when the text no longer has a checkbox at the task's offset.</exception>
    internal static char? StatusMark(string text, TaskItem task, TaskStatus status)
    {
        var offset = task.StatusOffset;
        if (offset < 1 || offset + 1 >= text.Length || text[offset - 1] != '[' || text[offset + 1] != ']' || text[offset] is not (' ' or 'x' or 'X' or '-' or '~'))
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
        // "[X]" already reads as done; rewriting it as "[x]" would change a byte for nothing.
        return text[offset] == mark || (mark == 'x' && text[offset] == 'X') ? null : mark;
    }

    /// <summary>
    /// Converts every line ending of <paramref name="content"/> ("\r\n", "\n" or a lone "\r") to the one
    /// <paramref name="documentText"/> uses first, or to "\n" when it has none.
    /// </summary>
    public static string NormalizeLineEndings(string content, string documentText)
    {
        var newline = LineEnding(documentText);
        var result = new StringBuilder(content.Length + 16);
        for (var i = 0; i < content.Length; i++)
        {
            switch (content[i])
            {
                case '\r':
                    if (i + 1 < content.Length && content[i + 1] == '\n')
                    {
                        i++;
                    }
                    result.Append(newline);
                    break;
                case '\n':
                    result.Append(newline);
                    break;
                default:
                    result.Append(content[i]);
                    break;
            }
        }
        return result.ToString();
    }

    private static string LineEnding(string text)
    {
        var index = text.AsSpan().IndexOfAny('\r', '\n');
        return index < 0 || text[index] == '\n' ? "\n"
            : index + 1 < text.Length && text[index + 1] == '\n' ? "\r\n"
            : "\r";
    }

    private static Heading Find(string text, string section)
    {
        var headings = MarkdownOutline.Parse(text);
        var trimmed = section.Trim();
        var level = trimmed.TakeWhile(c => c == '#').Count();
        var wanted = trimmed.TrimStart('#').Trim();
        if (wanted.Length > 0)
        {
            var matches = headings.Where(h => h.Text.Equals(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                // "Requirement 2" names "Requirement 2: Export" but not "Requirement 20".
                matches = headings.Where(h => h.Text.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)
                    && (h.Text.Length == wanted.Length || !char.IsLetterOrDigit(h.Text[wanted.Length]))).ToList();
            }
            if (matches.Count > 1 && level > 0)
            {
                matches = matches.Where(h => h.Level == level).ToList();
            }
            if (matches.Count == 1)
            {
                return matches[0];
            }
            if (matches.Count > 1)
            {
                throw new KiroException("section_not_found",
                    $"'{section}' matches {matches.Count} sections (lines {string.Join(", ", matches.Select(h => h.Line))}); give the full heading, with its # marks if the text repeats. Sections: {Listing(headings)}.");
            }
        }
        throw new KiroException("section_not_found", headings.Count == 0
            ? $"There is no section '{section}': the document has no headings."
            : $"There is no section '{section}'. Sections: {Listing(headings)}.");
    }

    private static string Listing(IReadOnlyList<Heading> headings)
    {
        var names = headings.Select(h => h.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var listed = string.Join("; ", names.Take(ListedHeadings));
        return names.Count > ListedHeadings ? $"{listed}; … ({names.Count - ListedHeadings} more)" : listed;
    }

    [GeneratedRegex(@"\A {0,3}#{1,6}(?:[ \t]|\r|\n|\z)")]
    private static partial Regex HeadingLine();
}
