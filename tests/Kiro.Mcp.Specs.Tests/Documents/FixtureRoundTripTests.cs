using System.Text;
using Kiro.Mcp.Specs.Documents;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Tests.Documents;

/// <summary>Every real Kiro spec file parses, and edits touch exactly the bytes they must.</summary>
public class FixtureRoundTripTests
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static TheoryData<string> AllSpecFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[] { "requirements.md", "bugfix.md", "design.md", "tasks.md" })
        {
            foreach (var file in FixturePaths.Files(name))
            {
                data.Add(Path.GetRelativePath(FixturePaths.Root, file));
            }
        }
        return data;
    }

    public static TheoryData<string> TaskFiles() => FixturePaths.Theory("tasks.md");

    [Theory]
    [MemberData(nameof(AllSpecFiles))]
    public void Every_file_parses_and_replacing_each_section_with_itself_changes_no_byte(string fixture)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FixturePaths.Root, fixture));
        var text = Utf8.GetString(bytes);

        _ = Path.GetFileName(fixture) switch
        {
            "requirements.md" => (object)RequirementsParser.Parse(text),
            "bugfix.md" => RequirementsParser.ParseBugfix(text),
            "design.md" => DesignParser.Parse(text),
            _ => TasksParser.Parse(text),
        };
        var headings = MarkdownOutline.Parse(text);
        foreach (var heading in headings.Where(h => headings.Count(o => o.Text.Equals(h.Text, StringComparison.OrdinalIgnoreCase)) == 1))
        {
            var body = text[heading.BodyStart..heading.End];
            if (body.Length == 0 || body.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var rewritten = DocumentEditor.ReplaceSection(text, heading.Text, body);
            Assert.Equal(bytes, Utf8.GetBytes(rewritten));
        }
        Assert.Equal(bytes, Utf8.GetBytes(text));
    }

    [Theory]
    [MemberData(nameof(TaskFiles))]
    public void Changing_one_task_status_changes_exactly_one_character_and_changing_it_back_restores_the_file(string fixture)
    {
        var text = Utf8.GetString(File.ReadAllBytes(Path.Combine(FixturePaths.Root, fixture)));
        var document = TasksParser.Parse(text);
        Assert.NotEmpty(document.Tasks);

        foreach (var task in document.Tasks)
        {
            var other = task.Status == TaskStatus.Done ? TaskStatus.InProgress : TaskStatus.Done;
            var changed = DocumentEditor.SetTaskStatus(text, task, other);

            Assert.Equal(text.Length, changed.Length);
            Assert.Equal(1, Enumerable.Range(0, text.Length).Count(i => text[i] != changed[i]));
            Assert.Equal(other, TasksParser.Parse(changed).Tasks.Single(t => t.Line == task.Line).Status);
            Assert.Equal(text, DocumentEditor.SetTaskStatus(changed, task, task.Status));
        }
    }

    [Fact]
    public void Crlf_files_keep_crlf_through_a_section_replacement()
    {
        var file = FixturePaths.Files("requirements.md").First(f => File.ReadAllText(f).Contains("\r\n", StringComparison.Ordinal));
        var text = File.ReadAllText(file);
        var heading = MarkdownOutline.Parse(text).First(h => h.Text == "Introduction");

        var rewritten = DocumentEditor.ReplaceSection(text, "Introduction", "\nNew introduction.\nSecond line.\n\n");

        Assert.Equal(text[..heading.BodyStart], rewritten[..heading.BodyStart]);
        Assert.Equal(text[heading.End..], rewritten[^(text.Length - heading.End)..]);
        Assert.Contains("\r\nNew introduction.\r\nSecond line.\r\n\r\n", rewritten);
        Assert.DoesNotContain("\n", rewritten.Replace("\r\n", "", StringComparison.Ordinal));
    }
}
