using CsCheck;
using Kiro.Mcp.Specs.Documents;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Fuzz.Tests;

/// <summary>The lossless editor's promise, on any document: it changes exactly what it must and nothing else.</summary>
public class EditorProperties
{
    [Fact]
    public void A_status_change_changes_exactly_one_character_or_none()
    {
        Gen.Select(KiroText.Document, Gen.Int[0, 1000], Gen.OneOf(TaskStatus.NotStarted, TaskStatus.Queued, TaskStatus.InProgress, TaskStatus.Done)).Sample((text, pick, status) =>
        {
            var tasks = TasksParser.Parse(text).Tasks;
            if (tasks.Count == 0)
            {
                return;
            }
            var task = tasks[pick % tasks.Count];

            var changed = DocumentEditor.SetTaskStatus(text, task, status);

            Assert.Equal(text.Length, changed.Length);
            var differences = Enumerable.Range(0, text.Length).Where(i => text[i] != changed[i]).ToList();
            Assert.True(differences.Count <= 1, $"{differences.Count} characters changed");
            Assert.All(differences, i => Assert.Equal(task.StatusOffset, i));
            // The same task, parsed again, now has the status asked for.
            var again = TasksParser.Parse(changed).Tasks.Single(t => t.Line == task.Line);
            Assert.Equal(status, again.Status);
        }, iter: FuzzBudget.Iterations, seed: FuzzBudget.Seed, threads: 1);
    }

    [Fact]
    public void A_section_replace_keeps_every_byte_outside_the_section()
    {
        Gen.Select(KiroText.Document, Gen.Int[0, 1000], KiroText.Line.Array[0, 5]).Sample((text, pick, body) =>
        {
            var headings = MarkdownOutline.Parse(text);
            // A heading the editor can name unambiguously: a text no other heading has, even ignoring case.
            var named = headings.Where(h => h.Text.Trim().Length > 0 && !h.Text.StartsWith('#')
                && headings.Count(o => o.Text.Equals(h.Text, StringComparison.OrdinalIgnoreCase)) == 1
                && !headings.Any(o => o != h && o.Text.StartsWith(h.Text, StringComparison.OrdinalIgnoreCase))).ToList();
            if (named.Count == 0)
            {
                return;
            }
            var heading = named[pick % named.Count];
            // Body lines that do not start a heading, so the heading line itself stays.
            var content = string.Join("\n", body.Where(l => !l.TrimStart().StartsWith('#')));

            var replaced = DocumentEditor.ReplaceSection(text, heading.Text, content);

            Assert.StartsWith(text[..heading.BodyStart], replaced, StringComparison.Ordinal);
            Assert.EndsWith(text[heading.End..], replaced, StringComparison.Ordinal);
            Assert.True(replaced.Length >= heading.BodyStart + (text.Length - heading.End));
        }, iter: FuzzBudget.Iterations, seed: FuzzBudget.Seed, threads: 1);
    }
}
