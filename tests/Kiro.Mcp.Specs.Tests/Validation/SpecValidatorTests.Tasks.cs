using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Validation;
using static Kiro.Mcp.Specs.Tests.Validation.Model;

namespace Kiro.Mcp.Specs.Tests.Validation;

public partial class SpecValidatorTests
{
    private static RequirementsDocument TwoRequirements() => Requirements(
        Requirement("1", 3, Criterion("1.1", 5), Criterion("1.2", 6)),
        Requirement("2", 10, Criterion("2.1", 12), Criterion("2.2", 13)));

    [Fact]
    public void Tasks_without_a_task_are_an_error()
    {
        var report = SpecValidator.Validate(new SpecDocuments(null, null, Tasks()));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingSeverity.Error, FindingCodes.TasksMissing, "tasks", 0), (finding.Severity, finding.Code, finding.Document, finding.Line));
        Assert.True(report.HasErrors("tasks"));
    }

    [Fact]
    public void Each_malformed_task_line_is_an_error_with_the_parsers_reason()
    {
        var tasks = new TasksDocument([Task("1", 1, "1.1")],
            [new MalformedLine(4, "- [?] 2. Build it", "unknown checkbox state '?'"), new MalformedLine(7, "- [ ] Write docs", "no task number")], []);

        var findings = SpecValidator.Validate(new SpecDocuments(null, null, tasks)).Findings;

        Assert.Equal([4, 7], findings.Select(f => f.Line));
        Assert.All(findings, f => Assert.Equal((FindingSeverity.Error, FindingCodes.TaskMalformed), (f.Severity, f.Code)));
        Assert.Equal("This line looks like a task but cannot be read (unknown checkbox state '?'): \"- [?] 2. Build it\".", findings[0].Message);
    }

    [Fact]
    public void A_repeated_task_id_is_an_error_on_the_repeat()
    {
        var finding = Assert.Single(Findings(new SpecDocuments(null, null, Tasks(Task("1", 1, "1.1"), Task("2", 4, "1.1"), Task("2", 8, "1.1"))), FindingCodes.TaskDuplicateId));

        Assert.Equal((FindingSeverity.Error, 8), (finding.Severity, finding.Line));
        Assert.Equal("Task 2 appears twice (lines 4 and 8).", finding.Message);
    }

    [Fact]
    public void A_task_citing_an_unknown_criterion_is_an_error_on_its_requirements_line()
    {
        var documents = new SpecDocuments(TwoRequirements(), null, Tasks(Task("1", 1, "1.1", "1.2", "2.1", "2.2", "3.1", "1.3")));

        var findings = SpecValidator.Validate(documents).Findings;

        Assert.Equal(
            ["Task 1 cites requirement '3.1', which is not a criterion in requirements.md.", "Task 1 cites requirement '1.3', which is not a criterion in requirements.md."],
            findings.Select(f => f.Message));
        Assert.All(findings, f => Assert.Equal((FindingSeverity.Error, FindingCodes.ReferenceUnknown, "tasks", 2), (f.Severity, f.Code, f.Document, f.Line)));
    }

    [Fact]
    public void Task_references_name_the_bugfix_file_for_a_bugfix_spec()
    {
        var bugfix = Bugfix(Section("1", 9, Criterion("1.1", 11, Current)), Section("2", 13, Criterion("2.1", 15, Expected)), Section("3", 19, Criterion("3.1", 21, Unchanged)));

        var finding = Assert.Single(SpecValidator.Validate(new SpecDocuments(bugfix, null, Tasks(Task("1", 1, "1.1", "2.1", "3.1", "4.1")))).Findings);

        Assert.Equal("Task 1 cites requirement '4.1', which is not a criterion in bugfix.md.", finding.Message);
    }

    [Fact]
    public void Task_references_are_not_checked_before_the_requirements_exist()
    {
        Assert.Empty(SpecValidator.Validate(new SpecDocuments(null, null, Tasks(Task("1", 1, "9.9")))).Findings);
    }

    [Fact]
    public void A_task_citing_nothing_in_its_family_is_a_warning()
    {
        var documents = new SpecDocuments(TwoRequirements(), null, Tasks(
            Task("1", 1, "1", "2"),
            NamedTask("2", 5, "Write the README")));

        var finding = Assert.Single(SpecValidator.Validate(documents).Findings);

        Assert.Equal((FindingSeverity.Warning, FindingCodes.TaskWithoutRequirement, 5), (finding.Severity, finding.Code, finding.Line));
        Assert.Equal("Task 2 ('Write the README') cites no requirement, and neither does its parent or any sub-task.", finding.Message);
        Assert.Equal("Add '_Requirements: 1.1_' under the task, naming the criteria it implements.", finding.Hint);
    }

    [Fact]
    public void Parents_of_citing_sub_tasks_sub_tasks_of_citing_parents_and_checkpoints_need_no_references()
    {
        var documents = new SpecDocuments(TwoRequirements(), null, Tasks(
            Task("1", 1),
            Task("1.1", 2, "1.1", "1.2"),
            Task("2", 5, "2.1", "2.2"),
            Task("2.1", 7),
            NamedTask("3", 9, "Checkpoint - Ensure all tests pass"),
            NamedTask("4", 11, "Final checkpoint")));

        Assert.Empty(SpecValidator.Validate(documents).Findings);
    }

    [Fact]
    public void Each_criterion_no_task_cites_is_a_warning_on_tasks()
    {
        var documents = new SpecDocuments(TwoRequirements(), null, Tasks(Task("1", 1, "1.2"), Task("2", 4, "2.1")));

        var report = SpecValidator.Validate(documents);

        Assert.Equal(
            ["Criterion 1.1 is not cited by any task: \"WHEN the user saves, THE Editor SHALL store the note\".",
             "Criterion 2.2 is not cited by any task: \"WHEN the user saves, THE Editor SHALL store the note\"."],
            report.Findings.Select(f => f.Message));
        Assert.All(report.Findings, f => Assert.Equal((FindingSeverity.Warning, FindingCodes.CriterionUncovered, "tasks", 0), (f.Severity, f.Code, f.Document, f.Line)));
        Assert.Equal("Add '1.1' to the _Requirements:_ line of the task that implements it, or add a task for it.", report.Findings[0].Hint);
        Assert.False(report.HasErrors("tasks"));
    }

    [Fact]
    public void Coverage_counts_criteria_cited_directly_or_through_their_whole_requirement()
    {
        var documents = new SpecDocuments(TwoRequirements(), null, Tasks(Task("1", 1, "2"), Task("2", 4, "1.2", "1.2")));

        var coverage = SpecValidator.Validate(documents).Coverage;

        Assert.Equal((4, 3), (coverage.Total, coverage.Covered));
        Assert.Equal(["1.1"], coverage.Uncovered);
    }

    [Fact]
    public void Without_tasks_every_criterion_is_uncovered_but_no_finding_says_so()
    {
        var report = SpecValidator.Validate(new SpecDocuments(TwoRequirements(), null, null));

        Assert.Equal((4, 0), (report.Coverage.Total, report.Coverage.Covered));
        Assert.Equal(["1.1", "1.2", "2.1", "2.2"], report.Coverage.Uncovered);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Coverage_counts_a_repeated_criterion_id_once()
    {
        var requirements = Requirements(Requirement("1", 3, Criterion("1.1", 5), Criterion("1.1", 6), Criterion("1.2", 7)));

        var coverage = SpecValidator.Validate(new SpecDocuments(requirements, null, Tasks(Task("1", 1, "1.1")))).Coverage;

        Assert.Equal((2, 1), (coverage.Total, coverage.Covered));
        Assert.Equal(["1.2"], coverage.Uncovered);
    }
}
