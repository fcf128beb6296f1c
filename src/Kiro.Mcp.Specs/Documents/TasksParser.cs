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
        var headings = MarkdownOutline.Parse(text, out var document);
        var lines = new SourceLines(text);
        var items = document.Descendants<ListItemBlock>().OrderBy(i => i.Line).ToList();
        var taskLines = new List<(int Line, Match Match)>();
        var malformed = new List<MalformedLine>();
        foreach (var item in items)
        {
            var line = item.Line + 1;
            var source = lines[line];
            var match = TaskLine().Match(source);
            if (match.Success)
            {
                taskLines.Add((line, match));
            }
            else if (Checkbox().IsMatch(source))
            {
                malformed.Add(new MalformedLine(line, source.Trim(), Reason(source)));
            }
        }

        var boundaries = taskLines.Select(t => t.Line).Concat(headings.Select(h => h.Line)).Order().ToList();
        var tasks = new List<TaskItem>();
        foreach (var (line, match) in taskLines)
        {
            var stop = boundaries.FirstOrDefault(b => b > line, lines.Count + 1);
            var details = items.Where(i => i.Line + 1 > line && i.Line + 1 < stop && !Checkbox().IsMatch(lines[i.Line + 1]))
                .Select(i => Bullet().Replace(lines[i.Line + 1], "").Trim()).ToList();
            var requirements = new List<string>();
            var requirementsLine = 0;
            foreach (var (detail, index) in details.Select((d, i) => (d, i)))
            {
                if (ReferenceIds.TryRequirements(detail, out var ids) || ReferenceIds.TryValidates(detail, out ids))
                {
                    requirements.AddRange(ids.Where(id => !requirements.Contains(id)));
                    if (requirementsLine == 0)
                    {
                        requirementsLine = items.Where(i => i.Line + 1 > line && i.Line + 1 < stop && !Checkbox().IsMatch(lines[i.Line + 1])).ElementAt(index).Line + 1;
                    }
                }
            }
            var id = match.Groups["id"].Value;
            var title = Title(line, match.Groups["title"].Value, lines);
            var status = match.Groups["state"].Value switch
            {
                "x" or "X" => TaskStatus.Done,
                "-" => TaskStatus.InProgress,
                "~" => TaskStatus.Queued,
                _ => TaskStatus.NotStarted,
            };
            var parent = id.Contains('.', StringComparison.Ordinal) ? id[..id.LastIndexOf('.')] : null;
            tasks.Add(new TaskItem(id, parent, title, status, match.Groups["optional"].Success, title.StartsWith("Checkpoint", StringComparison.OrdinalIgnoreCase),
                requirements, details, line, lines.Start(line) + match.Groups["state"].Index, requirementsLine));
        }
        return new TasksDocument(tasks, malformed, headings);
    }

    /// <summary>The title with its wrapped continuation lines (real files wrap long titles onto indented lines).</summary>
    private static string Title(int line, string firstLine, SourceLines lines)
    {
        var parts = new List<string> { firstLine.Trim() };
        for (var next = line + 1; next <= lines.Count; next++)
        {
            var text = lines[next];
            if (text.Trim().Length == 0 || Bullet().IsMatch(text) || text.TrimStart().StartsWith('#') || text.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                break;
            }
            parts.Add(text.Trim());
        }
        return string.Join(' ', parts);
    }

    private static string Reason(string line) => UnknownState().IsMatch(line)
        ? "unknown checkbox state: use [ ], [~], [-] or [x]"
        : "no task number: write '- [ ] 1. Title' or '- [ ] 1.1 Title'";

    [GeneratedRegex(@"^\s*[-*+] \[(?<state>[ xX~-])\](?<optional>\\?\*)?\s*(?<id>\d+(?:\.\d+)*)\.?\s+(?<title>.*)$")]
    private static partial Regex TaskLine();

    [GeneratedRegex(@"^\s*[-*+] \[[^\]]{0,3}\]")]
    private static partial Regex Checkbox();

    [GeneratedRegex(@"^\s*[-*+] \[(?![ xX~-]\])")]
    private static partial Regex UnknownState();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s+")]
    private static partial Regex Bullet();
}
