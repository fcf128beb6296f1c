using Kiro.Mcp.Specs.Documents;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Tests.Documents;

/// <summary>Kiro's task syntax, case by case (the golden file tasks-mixed.md holds the whole model).</summary>
public class TasksParserTests
{
    private const string Tasks = "\uFEFF# Implementation Plan\r\n\r\n"
        + "- [x] 1. Set up\r\n  - Create folders\r\n  - _Requirements: 1.1, 2.3_\r\n\r\n\r\n\r\n"
        + "- [-] 2. Models\r\n  - [~] 2.1 Queued model\r\n    - _Requirements: 3.1_\r\n  - [ ]* 2.2 Optional tests\r\n    - **Validates: Requirements 3.1, 3.2**\r\n"
        + "- [ ] 2.3 Flush-left sub-task\r\n\r\n"
        + "```markdown\r\n- [ ] 9. Not a task, inside a fence\r\n```\r\n\r\n"
        + "- [ ] Write docs\r\n- [?] 4. Unknown state\r\n"
        + "- [ ] 5. Checkpoint - Ensure all tests pass\r\n"
        + "- [ ]\\* 6. Escaped optional marker, as some editors save it\r\n";

    [Fact]
    public void Every_status_marker_optional_flag_and_reference_is_read()
    {
        var document = TasksParser.Parse(Tasks);

        Assert.Equal(["1", "2", "2.1", "2.2", "2.3", "5", "6"], document.Tasks.Select(t => t.Id));
        Assert.Equal([TaskStatus.Done, TaskStatus.InProgress, TaskStatus.Queued, TaskStatus.NotStarted, TaskStatus.NotStarted, TaskStatus.NotStarted, TaskStatus.NotStarted], document.Tasks.Select(t => t.Status));
        Assert.Equal([false, false, false, true, false, false, true], document.Tasks.Select(t => t.Optional));
        Assert.Equal(["1.1", "2.3"], document.Tasks[0].Requirements);
        Assert.Equal(5, document.Tasks[0].RequirementsLine);
        Assert.Equal(["Create folders", "_Requirements: 1.1, 2.3_"], document.Tasks[0].Details);
        Assert.Equal(["3.1", "3.2"], document.Tasks[3].Requirements);
        Assert.Equal("2", document.Tasks[4].ParentId);
        Assert.True(document.Tasks[5].Checkpoint);
        Assert.All(document.Tasks, t => Assert.Contains(Tasks[t.StatusOffset], " x-~"));
        Assert.All(document.Tasks, t => Assert.Equal('[', Tasks[t.StatusOffset - 1]));
    }

    [Fact]
    public void Checkbox_lines_without_a_number_or_with_an_unknown_state_are_reported_as_malformed()
    {
        var malformed = TasksParser.Parse(Tasks).Malformed;

        Assert.Equal([20, 21], malformed.Select(m => m.Line));
        Assert.Equal("- [ ] Write docs", malformed[0].Text);
        Assert.StartsWith("no task number", malformed[0].Reason);
        Assert.StartsWith("unknown checkbox state '[?]'", malformed[1].Reason);
    }

    [Fact]
    public void Plain_bullets_and_links_are_neither_tasks_nor_malformed()
    {
        var document = TasksParser.Parse("- a note\n- [CI](https://ci.example) is green\n- [x]: https://example.com\n* [ref] text\n1. [ ] numbered, not Kiro's syntax\n");

        Assert.Empty(document.Tasks);
        Assert.Empty(document.Malformed);
    }

    [Fact]
    public void The_parent_comes_from_the_id_whatever_the_indentation()
    {
        var document = TasksParser.Parse("- [ ] 1. Top\n- [ ] 1.2 Flush-left\n  - [ ] 1.2.3 Deep\n");

        Assert.Equal([null, "1", "1.2"], document.Tasks.Select(t => t.ParentId));
    }

    [Fact]
    public void Details_stop_at_the_next_task_line_and_a_label_after_the_ids_is_not_read_as_ids()
    {
        var document = TasksParser.Parse("- [ ] 1. Parent\n  - parent detail\n  - [ ] 1.1 Child\n    - child detail\n    - _Requirements: 11.1; Design: Components > 1_\n");

        Assert.Equal(["parent detail"], document.Tasks[0].Details);
        Assert.Empty(document.Tasks[0].Requirements);
        Assert.Equal(["child detail", "_Requirements: 11.1; Design: Components > 1_"], document.Tasks[1].Details);
        Assert.Equal(["11.1"], document.Tasks[1].Requirements);
    }

    [Fact]
    public void A_wrapped_detail_is_one_detail_and_a_reference_line_under_the_title_is_a_detail_of_its_own()
    {
        var document = TasksParser.Parse("- [ ] 1. A title that\n  goes on\n  _Requirements: 1.1_\n  - a detail that\n    wraps\n  - **Requirements:** 2.1, 2.2\n");

        var task = Assert.Single(document.Tasks);
        Assert.Equal("A title that goes on", task.Title);
        Assert.Equal(["_Requirements: 1.1_", "a detail that wraps", "**Requirements:** 2.1, 2.2"], task.Details);
        Assert.Equal(["1.1", "2.1", "2.2"], task.Requirements);
        Assert.Equal(3, task.RequirementsLine);
    }

    [Theory]
    [InlineData("- [x] 1. Done", TaskStatus.Done)]
    [InlineData("- [X] 1. Done in capitals", TaskStatus.Done)]
    [InlineData("- [-] 1. Started", TaskStatus.InProgress)]
    [InlineData("- [~] 1. Queued", TaskStatus.Queued)]
    [InlineData("- [ ] 1. Not started", TaskStatus.NotStarted)]
    [InlineData("* [ ] 1. Star bullet", TaskStatus.NotStarted)]
    [InlineData("+ [x] 1 No dot after the number", TaskStatus.Done)]
    public void Each_checkbox_state_maps_to_a_status(string line, TaskStatus status)
    {
        Assert.Equal(status, Assert.Single(TasksParser.Parse(line).Tasks).Status);
    }

    [Theory]
    [InlineData("- [ ] Final checkpoint - Ensure all tests pass", false)]
    [InlineData("- [ ] 9. Final checkpoint - Ensure all tests pass", true)]
    [InlineData("- [ ] 9. checkpoint", true)]
    [InlineData("- [ ] 9. Checkpoints are documented", false)]
    public void A_checkpoint_is_a_task_whose_title_starts_with_checkpoint_or_final_checkpoint(string line, bool checkpoint)
    {
        var document = TasksParser.Parse(line);

        Assert.Equal(checkpoint, document.Tasks.Any(t => t.Checkpoint));
    }
}
