using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// Reads tasks.md. Markdig finds the list items (so nothing inside a code block is a task); each
/// item's first source line is then read with Kiro's own checkbox syntax.
/// </summary>
public static partial class TasksParser
{
    public static TasksDocument Parse(string text)
    {
        var markdown = ParsedMarkdown.Parse(text);
        var lines = markdown.Lines;
        var found = new List<(ListItemBlock Item, int Line, Match Match)>();
        var malformed = new List<MalformedLine>();
        // Every checkbox line, well-formed or not, ends the details of the task above it.
        var boundaries = new SortedSet<int>(markdown.Headings.Select(h => h.Line));
        foreach (var item in markdown.Document.Descendants<ListItemBlock>())
        {
            var line = ParsedMarkdown.LineOf(item);
            var source = lines[line];
            if (Checkbox().Match(source) is not { Success: true } checkbox || checkbox.Groups["box"].Value.Count(c => !char.IsWhiteSpace(c)) > 1)
            {
                continue;
            }
            boundaries.Add(line);
            if (TaskLine().Match(source) is { Success: true } task)
            {
                found.Add((item, line, task));
            }
            else
            {
                malformed.Add(new MalformedLine(line, source.Trim(), Reason(checkbox)));
            }
        }

        var tasks = new List<TaskItem>(found.Count);
        foreach (var (item, line, match) in found)
        {
            var stop = boundaries.FirstOrDefault(b => b > line, lines.Count + 1);
            var (title, details) = Content(markdown, item, match.Groups["title"].Value.Trim(), stop);
            var requirements = new List<string>();
            var requirementsLine = 0;
            foreach (var (detail, detailLine) in details)
            {
                if (ReferenceIds.TryRequirements(detail, out var ids) || ReferenceIds.TryValidates(detail, out ids))
                {
                    requirements.AddRange(ids.Where(id => !requirements.Contains(id)));
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
        var title = firstLine;
        var details = new List<(string Text, int Line)>();
        foreach (var paragraph in task.Descendants<ParagraphBlock>().Where(p => ParsedMarkdown.LineOf(p) < stop))
        {
            var isTitle = paragraph.Parent == task && task.FirstOrDefault() == paragraph;
            var isBullet = !isTitle && paragraph.Parent is ListItemBlock bullet && bullet.FirstOrDefault() == paragraph;
            var content = markdown.ContentLines(paragraph).ToList();
            (string Text, int Line)? current = isBullet && content.Count > 0 ? (content[0].Text.Trim(), content[0].Line) : null;
            foreach (var (line, raw) in content.Skip(isTitle || isBullet ? 1 : 0))
            {
                var text = raw.Trim();
                if (IsReference(text))
                {
                    Add(current);
                    current = null;
                    details.Add((text, line));
                }
                else if (isTitle && details.Count == 0)
                {
                    title = $"{title} {text}".Trim();
                }
                else if (current is { } open)
                {
                    current = open with { Text = $"{open.Text} {text}" };
                }
            }
            Add(current);
        }
        details.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (title, details);

        void Add((string Text, int Line)? detail)
        {
            if (detail is { Text.Length: > 0 } d)
            {
                details.Add(d);
            }
        }
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
    [GeneratedRegex(@"^[ \t]*[-*+][ \t]+\[(?<state>[ xX~-])\](?<optional>\\?\*)?[ \t]*(?<id>\d+(?:\.\d+)*)\.?(?:[ \t]+(?<title>.*?))?[ \t]*$")]
    private static partial Regex TaskLine();

    // Anything that looks like a checkbox: at most one mark between the brackets ("[ ]", "[?]", "[ x]", "[]"),
    // and not a link ("[CI](…)", "[x]: …").
    [GeneratedRegex(@"^[ \t]*[-*+][ \t]+\[(?<box>[^\]\r\n]{0,3})\](?![(\[:])(?<rest>.*)$")]
    private static partial Regex Checkbox();

    // "Final checkpoint - …" is as much a checkpoint as "Checkpoint - …".
    [GeneratedRegex(@"^(?:final\s+)?checkpoint\b", RegexOptions.IgnoreCase)]
    private static partial Regex Checkpoint();
}
