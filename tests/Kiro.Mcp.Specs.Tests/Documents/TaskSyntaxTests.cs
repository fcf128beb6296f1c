using Kiro.Mcp.Specs.Documents;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Tests.Documents;

/// <summary>Kiro's task syntax, case by case.</summary>
public class TaskSyntaxTests
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
        Assert.True(document.Tasks[6].Optional);
        Assert.Equal([TaskStatus.Done, TaskStatus.InProgress, TaskStatus.Queued, TaskStatus.NotStarted, TaskStatus.NotStarted, TaskStatus.NotStarted, TaskStatus.NotStarted], document.Tasks.Select(t => t.Status));
        Assert.Equal(["1.1", "2.3"], document.Tasks[0].Requirements);
        Assert.Equal(["Create folders", "_Requirements: 1.1, 2.3_"], document.Tasks[0].Details);
        Assert.True(document.Tasks[3].Optional);
        Assert.Equal(["3.1", "3.2"], document.Tasks[3].Requirements);
        Assert.Equal("2", document.Tasks[4].ParentId);
        Assert.True(document.Tasks[5].Checkpoint);
        Assert.All(document.Tasks, t => Assert.Contains(Tasks[t.StatusOffset], " x-~"));
    }

    [Fact]
    public void Checkbox_lines_without_a_number_or_with_an_unknown_state_are_reported_as_malformed()
    {
        var malformed = TasksParser.Parse(Tasks).Malformed;

        Assert.Equal(2, malformed.Count);
        Assert.Contains("no task number", malformed[0].Reason);
        Assert.Contains("unknown checkbox state", malformed[1].Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("```\n- [ ] 1. unclosed fence")]
    [InlineData("- [")]
    [InlineData("\0\u0001\uFFFD### Requirement")]
    [InlineData("### Requirement 1\n\n1.\n2.")]
    public void Junk_never_makes_a_parser_throw(string text)
    {
        Assert.NotNull(TasksParser.Parse(text));
        Assert.NotNull(RequirementsParser.Parse(text));
        Assert.NotNull(RequirementsParser.ParseBugfix(text));
        Assert.NotNull(DesignParser.Parse(text));
        Assert.NotNull(MarkdownOutline.Parse(text));
    }

    [Fact]
    public void Criteria_keep_their_written_numbers_so_gaps_and_duplicates_can_be_reported()
    {
        var document = RequirementsParser.Parse("### Requirement 1\n\n#### Acceptance Criteria\n\n1. THE A SHALL b\n2. THE A SHALL c\n2. THE A SHALL d\n4. THE A SHALL e\n");
        Assert.Equal(["1.1", "1.2", "1.2", "1.4"], document.Requirements[0].Criteria.Select(c => c.Id));
    }
}
