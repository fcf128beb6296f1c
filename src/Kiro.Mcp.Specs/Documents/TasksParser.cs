using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// Reads tasks.md. Markdig finds the list items (so nothing inside a code block is a task); each
/// item's first source line is then read with Kiro's own checkbox syntax.
/// </summary>
public static partial class TasksParser
{
    // How many items are read between two looks at the cancellation token.
    private const int CancellationStride = 256;

    public static TasksDocument Parse(string text) => ParseCancellable(text, CancellationToken.None);

    /// <summary>
    /// Reads tasks.md in time linear in its size: one walk over Markdig's list items, a binary search
    /// for where each task's details end, and for each task a walk over its own paragraphs only.
    /// The token is looked at every few hundred items. Not an overload of <see cref="Parse(string)"/>:
    /// test analyzers would then ask every caller for a token.
    /// </summary>
    internal static TasksDocument ParseCancellable(string text, CancellationToken cancellationToken)
    {
        var markdown = ParsedMarkdown.Parse(text);
        var lines = markdown.Lines;
        var found = new List<(ListItemBlock Item, int Line, Match Match)>();
        var malformed = new List<MalformedLine>();
        // Every checkbox line, well-formed or not, ends the details of the task above it; so does a heading.
        var checkboxLines = new List<int>();
        var visited = 0;
        foreach (var item in markdown.Document.Descendants<ListItemBlock>())
        {
            if (++visited % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var line = ParsedMarkdown.LineOf(item);
            var source = lines[line];
            if (Checkbox().Match(source) is not { Success: true } checkbox || checkbox.Groups["box"].Value.Count(c => !char.IsWhiteSpace(c)) > 1)
            {
                continue;
            }
            checkboxLines.Add(line);
            if (TaskLine().Match(source) is { Success: true } task)
            {
                found.Add((item, line, task));
            }
            else
            {
                malformed.Add(new MalformedLine(line, source.Trim(), Reason(checkbox)));
            }
        }
        var boundaries = Merge(checkboxLines, markdown.Headings);

        var tasks = new List<TaskItem>(found.Count);
        foreach (var (item, line, match) in found)
        {
            if (tasks.Count % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var stop = FirstAfter(boundaries, line, lines.Count + 1);
            var (title, details) = Content(markdown, item, match.Groups["title"].Value.Trim(), stop);
            var requirements = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var requirementsLine = 0;
            foreach (var (detail, detailLine) in details)
            {
                if (ReferenceIds.TryRequirements(detail, out var ids) || ReferenceIds.TryValidates(detail, out ids))
                {
                    requirements.AddRange(ids.Where(seen.Add));
                    requirementsLine = requirementsLine == 0 ? detailLine : requirementsLine;
                }
            }
            var id = match.Groups["id"].Value;
            tasks.Add(new TaskItem(
                id,
                id.Contains('.', StringComparison.Ordinal) ? id[..id.LastIndexOf('.')] : null,
                title,
                match.Groups["state"].Value switch
                {
                    "x" or "X" => TaskStatus.Done,
                    "-" => TaskStatus.InProgress,
                    "~" => TaskStatus.Queued,
                    _ => TaskStatus.NotStarted,
                },
                match.Groups["optional"].Success,
                Checkpoint().IsMatch(title),
                requirements,
                details.Select(d => d.Text).ToList(),
                line,
                lines.Start(line) + match.Groups["state"].Index,
                requirementsLine));
        }
        return new TasksDocument(tasks, malformed, markdown.Headings);
    }

    /// <summary>
    /// The task's title (its first paragraph; real files wrap long titles onto indented lines) and its
    /// details: the bullets nested under it up to <paramref name="stop"/>, each as its first paragraph.
    /// A traceability line ("_Requirements: 1.1_") is always a detail of its own, even when it is
    /// written without a bullet right under the title.
    /// </summary>
    private static (string Title, List<(string Text, int Line)> Details) Content(ParsedMarkdown markdown, ListItemBlock task, string firstLine, int stop)
    {
        // Parts are joined at the end: appending to a string line by line would copy a long wrapped
        // title or detail once per line, the square of its length.
        var title = new List<string> { firstLine };
        var details = new List<(List<string> Parts, int Line)>();
        foreach (var paragraph in task.Descendants<ParagraphBlock>())
        {
            // Markdig yields blocks in document order, so nothing after this one is above the stop either:
            // a parent's walk ends at its first sub-task instead of going through all of them.
            if (ParsedMarkdown.LineOf(paragraph) >= stop)
            {
                break;
            }
            var isTitle = paragraph.Parent == task && task.FirstOrDefault() == paragraph;
            var isBullet = !isTitle && paragraph.Parent is ListItemBlock bullet && bullet.FirstOrDefault() == paragraph;
            var content = markdown.ContentLines(paragraph).ToList();
            (List<string> Parts, int Line)? current = isBullet && content.Count > 0 ? ([content[0].Text.Trim()], content[0].Line) : null;
            foreach (var (line, raw) in content.Skip(isTitle || isBullet ? 1 : 0))
            {
                var text = raw.Trim();
                if (IsReference(text))
                {
                    Add(current);
                    current = null;
                    details.Add(([text], line));
                }
                else if (isTitle && details.Count == 0)
                {
                    title.Add(text);
                }
                else if (current is { } open)
                {
                    open.Parts.Add(text);
                }
            }
            Add(current);
        }
        var joined = details.Select(d => (Text: string.Join(' ', d.Parts), d.Line)).ToList();
        // Stable, as List.Sort is not: two details on one line keep their order.
        joined = [.. joined.OrderBy(d => d.Line)];
        return (string.Join(' ', title.Where(t => t.Length > 0)), joined);

        void Add((List<string> Parts, int Line)? detail)
        {
            // The joined text is empty only when it is a single empty part.
            if (detail is { } d && (d.Parts.Count > 1 || d.Parts[0].Length > 0))
            {
                details.Add(d);
            }
        }
    }

    /// <summary>The sorted, distinct lines of the checkboxes and the headings (both lists are in document order).</summary>
    private static List<int> Merge(List<int> checkboxLines, IReadOnlyList<Heading> headings)
    {
        var merged = new List<int>(checkboxLines.Count + headings.Count);
        var (i, j) = (0, 0);
        while (i < checkboxLines.Count || j < headings.Count)
        {
            var next = j >= headings.Count || (i < checkboxLines.Count && checkboxLines[i] <= headings[j].Line) ? checkboxLines[i++] : headings[j++].Line;
            if (merged.Count == 0 || merged[^1] != next)
            {
                merged.Add(next);
            }
        }
        return merged;
    }

    /// <summary>The first of the sorted <paramref name="lines"/> after <paramref name="line"/>, or <paramref name="none"/>.</summary>
    private static int FirstAfter(List<int> lines, int line, int none)
    {
        var index = lines.BinarySearch(line);
        index = index >= 0 ? index + 1 : ~index;
        return index < lines.Count ? lines[index] : none;
    }

    private static bool IsReference(string text) => ReferenceIds.TryRequirements(text, out _) || ReferenceIds.TryValidates(text, out _);

    private static string Reason(Match checkbox)
    {
        var box = checkbox.Groups["box"].Value;
        if (box.Length != 1 || !"xX~- ".Contains(box[0], StringComparison.Ordinal))
        {
            return $"unknown checkbox state '[{box}]': use [ ], [~], [-] or [x]";
        }
        var rest = checkbox.Groups["rest"].Value.TrimStart('\\', '*').TrimStart();
        var token = rest.Split([' ', '\t'], 2)[0];
        return token.Length > 0 && char.IsAsciiDigit(token[0])
            ? $"'{token}' is not a task number: use digits and dots followed by a space, as in '- [ ] 2. Title' or '- [ ] 2.1 Title'"
            : "no task number: write '- [ ] 1. Title' or '- [ ] 1.1 Title'";
    }

    // Kiro's task line: "- [ ] 1. Title", "  - [x] 2.1 Title", "- [-]* 3.2 Optional title" (some editors save "\*").
    // The title takes the rest of the line and is trimmed in code: a lazy title before "[ \t]*$" would
    // retry the trailing-blank run at every position, the square of a long line of blanks.
    [GeneratedRegex(@"^[ \t]*[-*+][ \t]+\[(?<state>[ xX~-])\](?<optional>\\?\*)?[ \t]*(?<id>\d+(?:\.\d+)*)\.?(?:[ \t]+(?<title>.*))?$")]
    private static partial Regex TaskLine();

    // Anything that looks like a checkbox: at most one mark between the brackets ("[ ]", "[?]", "[ x]", "[]"),
    // and not a link ("[CI](…)", "[x]: …").
    [GeneratedRegex(@"^[ \t]*[-*+][ \t]+\[(?<box>[^\]\r\n]{0,3})\](?![(\[:])(?<rest>.*)$")]
    private static partial Regex Checkbox();

    // "Final checkpoint - …" is as much a checkpoint as "Checkpoint - …".
    [GeneratedRegex(@"^(?:final\s+)?checkpoint\b", RegexOptions.IgnoreCase)]
    private static partial Regex Checkpoint();
}
