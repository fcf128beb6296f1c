using System.Text;
using System.Text.RegularExpressions;
using Kiro.Mcp.Specs.Documents;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Tests.Documents;

/// <summary>
/// Every spec file of both corpora parses, and edits touch exactly the bytes they must. Files are decoded
/// without stripping the BOM and compared as re-encoded bytes, so BOM and CRLF are part of every check.
/// </summary>
public class FixtureRoundTripTests
{
    private static readonly UTF8Encoding _utf8 = new(false);

    private static readonly TaskStatus[] _statuses = [TaskStatus.NotStarted, TaskStatus.Queued, TaskStatus.InProgress, TaskStatus.Done];

    public static TheoryData<string, string> AllSpecFiles() => FixturePaths.Theory("requirements.md", "bugfix.md", "design.md", "tasks.md");

    public static TheoryData<string, string> TaskFiles() => FixturePaths.Theory("tasks.md");

    [Theory]
    [MemberData(nameof(AllSpecFiles))]
    public void Every_file_parses_with_lines_and_offsets_inside_the_text(string corpus, string fixture)
    {
        var text = Read(corpus, fixture, out _);
        var lineCount = text.Split('\n').Length;

        var headings = MarkdownOutline.Parse(text);
        var lines = Path.GetFileName(fixture) switch
        {
            "requirements.md" => RequirementsParser.Parse(text).Requirements.SelectMany(r => r.Criteria.Select(c => c.Line).Append(r.Line)),
            "bugfix.md" => RequirementsParser.ParseBugfix(text).Requirements.SelectMany(r => r.Criteria.Select(c => c.Line).Append(r.Line)),
            "design.md" => DesignParser.Parse(text).Properties.Select(p => p.Line),
            _ => TasksParser.Parse(text).Tasks.Select(t => t.Line),
        };

        Assert.All(lines, line => Assert.InRange(line, 1, lineCount));
        Assert.All(headings, h => Assert.True(h.Start < h.BodyStart && h.BodyStart <= h.End && h.End <= text.Length, $"{h.Text}: {h.Start} {h.BodyStart} {h.End}"));
        Assert.All(headings, h => Assert.StartsWith("#", text[h.Start..h.BodyStart].TrimStart()));
    }

    [Theory]
    [MemberData(nameof(AllSpecFiles))]
    public void Replacing_each_section_with_itself_changes_no_byte(string corpus, string fixture)
    {
        var text = Read(corpus, fixture, out var bytes);
        var headings = MarkdownOutline.Parse(text);
        Assert.NotEmpty(headings);

        foreach (var heading in headings)
        {
            var body = text[heading.BodyStart..heading.End];
            var whole = text[heading.Start..heading.End];
            // A body that itself starts with a heading line would replace the heading as well (that is
            // the contract), so such a section is written back whole.
            var bodyStartsWithHeading = Regex.IsMatch(body, @"\A {0,3}#{1,6}(?:[ \t]|\r|\n|\z)");

            Assert.Equal(bytes, _utf8.GetBytes(DocumentEditor.ReplaceSection(text, heading, whole)));
            Assert.Equal(bytes, _utf8.GetBytes(DocumentEditor.ReplaceSection(text, heading, bodyStartsWithHeading ? whole : body)));
            if (headings.Count(h => h.Text.Equals(heading.Text, StringComparison.OrdinalIgnoreCase)) == 1)
            {
                Assert.Equal(whole, DocumentEditor.ReadSection(text, heading.Text));
                Assert.Equal(bytes, _utf8.GetBytes(DocumentEditor.ReplaceSection(text, heading.Text, whole)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(TaskFiles))]
    public void Changing_one_task_status_changes_exactly_one_character_and_changing_it_back_restores_the_file(string corpus, string fixture)
    {
        var text = Read(corpus, fixture, out var bytes);
        var document = TasksParser.Parse(text);
        Assert.NotEmpty(document.Tasks);

        foreach (var task in document.Tasks)
        {
            foreach (var other in _statuses.Where(s => s != task.Status))
            {
                var changed = DocumentEditor.SetTaskStatus(text, task, other);

                Assert.Equal(text.Length, changed.Length);
                Assert.Equal([task.StatusOffset], Enumerable.Range(0, text.Length).Where(i => text[i] != changed[i]));
                Assert.Equal(other, TasksParser.Parse(changed).Tasks.Single(t => t.Line == task.Line).Status);
                Assert.Equal(bytes, _utf8.GetBytes(DocumentEditor.SetTaskStatus(changed, task, task.Status)));
            }
        }
    }

    private static string Read(string corpus, string fixture, out byte[] bytes)
    {
        bytes = KiroFixtures.Named(corpus).ReadBytes(fixture);
        return _utf8.GetString(bytes);
    }
}
