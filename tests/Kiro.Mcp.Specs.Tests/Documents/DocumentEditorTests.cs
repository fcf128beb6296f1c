using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Workspace;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Tests.Documents;

public class DocumentEditorTests
{
    private const string Requirements = "# Requirements Document\r\n\r\n## Introduction\r\n\r\nOld intro.\r\n\r\n## Requirements\r\n\r\n"
        + "### Requirement 1: Start\r\n\r\n1. THE A SHALL b\r\n\r\n### Requirement 2: Stop\r\n\r\n1. THE A SHALL c\r\n";

    [Theory]
    [InlineData("Introduction")]
    [InlineData("  introduction ")]
    [InlineData("## Introduction")]
    public void A_section_is_read_from_its_heading_to_the_next_heading_of_its_level(string section)
    {
        Assert.Equal("## Introduction\r\n\r\nOld intro.\r\n\r\n", DocumentEditor.ReadSection(Requirements, section));
    }

    [Fact]
    public void A_unique_prefix_names_a_requirement_but_not_a_longer_number()
    {
        const string Text = "### Requirement 1: One\n\nx\n\n### Requirement 10: Ten\n\ny\n";

        Assert.StartsWith("### Requirement 1: One", DocumentEditor.ReadSection(Text, "Requirement 1"));
        Assert.StartsWith("### Requirement 10: Ten", DocumentEditor.ReadSection(Text, "requirement 10"));
    }

    [Fact]
    public void An_unknown_section_is_section_not_found_and_the_message_lists_the_headings()
    {
        var error = Assert.Throws<KiroException>(() => DocumentEditor.ReadSection(Requirements, "Glossary"));

        Assert.Equal("section_not_found", error.Code);
        Assert.Contains("'Glossary'", error.Message);
        Assert.Contains("Introduction; Requirements; Requirement 1: Start; Requirement 2: Stop", error.Message);
    }

    [Fact]
    public void An_ambiguous_section_is_section_not_found_unless_its_marks_pick_one()
    {
        const string Text = "# Notes\n\na\n\n## Notes\n\nb\n";

        var error = Assert.Throws<KiroException>(() => DocumentEditor.ReplaceSection(Text, "Notes", "c\n"));

        Assert.Equal("section_not_found", error.Code);
        Assert.Contains("matches 2 sections", error.Message);
        Assert.Equal("## Notes\n\nb\n", DocumentEditor.ReadSection(Text, "## Notes"));
    }

    [Fact]
    public void Replacing_a_body_keeps_the_heading_takes_crlf_and_leaves_every_other_character()
    {
        var rewritten = DocumentEditor.ReplaceSection(Requirements, "Introduction", "\nNew intro,\non two lines.\n\n");

        var heading = MarkdownOutline.Parse(Requirements).Single(h => h.Text == "Introduction");
        Assert.Equal(Requirements[..heading.BodyStart], rewritten[..heading.BodyStart]);
        Assert.Equal(Requirements[heading.End..], rewritten[^(Requirements.Length - heading.End)..]);
        Assert.Equal("## Introduction\r\n\r\nNew intro,\r\non two lines.\r\n\r\n", DocumentEditor.ReadSection(rewritten, "Introduction"));
    }

    [Fact]
    public void Content_that_starts_with_a_heading_replaces_the_heading_too()
    {
        var rewritten = DocumentEditor.ReplaceSection(Requirements, "Requirement 1", "### Requirement 1: Begin\n\n1. THE A SHALL go\n\n");

        Assert.Contains("### Requirement 1: Begin\r\n\r\n1. THE A SHALL go\r\n\r\n### Requirement 2: Stop", rewritten);
        Assert.DoesNotContain("Start", rewritten);
    }

    [Fact]
    public void The_next_heading_stays_on_its_own_line_when_the_content_has_no_final_line_ending()
    {
        var rewritten = DocumentEditor.ReplaceSection("# A\n\n## B\nold\n## C\n", "B", "new");

        Assert.Equal("# A\n\n## B\nnew\n## C\n", rewritten);
    }

    [Fact]
    public void The_last_section_of_a_file_without_a_final_line_ending_gets_none()
    {
        Assert.Equal("# A\n\n## B\nnew", DocumentEditor.ReplaceSection("# A\n\n## B\nold", "B", "new"));
        Assert.Equal("# A\n\n## B\nnew\n", DocumentEditor.ReplaceSection("# A\n\n## B\nold\n", "B", "new"));
    }

    [Fact]
    public void A_bom_survives_replacing_the_first_section_with_a_new_heading()
    {
        var rewritten = DocumentEditor.ReplaceSection("\uFEFF# Old\r\ntext\r\n", "Old", "\uFEFF# New\ntext\n");

        Assert.Equal("\uFEFF# New\r\ntext\r\n", rewritten);
    }

    [Fact]
    public void Setting_a_status_in_a_bom_crlf_file_changes_exactly_that_character()
    {
        const string Text = "\uFEFF# Tasks\r\n\r\n- [ ] 1. First\r\n  - [x] 1.1 Second\r\n";
        var task = TasksParser.Parse(Text).Tasks[1];

        var changed = DocumentEditor.SetTaskStatus(Text, task, TaskStatus.InProgress);

        Assert.Equal("\uFEFF# Tasks\r\n\r\n- [ ] 1. First\r\n  - [-] 1.1 Second\r\n", changed);
        Assert.Equal(Text, DocumentEditor.SetTaskStatus(changed, task, TaskStatus.Done));
    }

    [Theory]
    [InlineData(TaskStatus.NotStarted, "- [ ] 1. T")]
    [InlineData(TaskStatus.Queued, "- [~] 1. T")]
    [InlineData(TaskStatus.InProgress, "- [-] 1. T")]
    [InlineData(TaskStatus.Done, "- [x] 1. T")]
    public void Each_status_is_written_as_kiro_writes_it(TaskStatus status, string expected)
    {
        const string Text = "- [-] 1. T";

        Assert.Equal(expected, DocumentEditor.SetTaskStatus(Text, TasksParser.Parse(Text).Tasks[0], status));
    }

    [Fact]
    public void A_capital_x_stays_when_the_task_is_set_done_again()
    {
        const string Text = "- [X] 1. T";

        Assert.Same(Text, DocumentEditor.SetTaskStatus(Text, TasksParser.Parse(Text).Tasks[0], TaskStatus.Done));
    }

    [Fact]
    public void A_task_whose_checkbox_moved_is_document_changed()
    {
        var task = TasksParser.Parse("- [ ] 1. T").Tasks[0];

        var error = Assert.Throws<KiroException>(() => DocumentEditor.SetTaskStatus("# Title\n- [ ] 1. T", task, TaskStatus.Done));

        Assert.Equal("document_changed", error.Code);
        Assert.Equal("document_changed", Assert.Throws<KiroException>(() => DocumentEditor.SetTaskStatus("", task, TaskStatus.Done)).Code);
    }

    [Theory]
    [InlineData("a\nb\r\nc\rd", "x\r\ny\r\n", "a\r\nb\r\nc\r\nd")]
    [InlineData("a\r\nb", "x\ny", "a\nb")]
    [InlineData("a\r\nb", "no line ending", "a\nb")]
    [InlineData("a\nb", "x\ry", "a\rb")]
    [InlineData("a\rb", "x\ny", "a\nb")]
    public void Line_endings_become_the_first_one_of_the_document_or_lf(string content, string document, string expected)
    {
        Assert.Equal(expected, DocumentEditor.NormalizeLineEndings(content, document));
    }
}
