using Kiro.Mcp.Specs.Validation;
using static Kiro.Mcp.Specs.Tests.Validation.Model;
using RequirementModel = Kiro.Mcp.Specs.Documents.Requirement;

namespace Kiro.Mcp.Specs.Tests.Validation;

public partial class SpecValidatorTests
{
    [Fact]
    public void Requirements_without_any_requirement_are_an_error_about_the_whole_document()
    {
        var report = SpecValidator.Validate(new SpecDocuments(Requirements(), null, null));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingSeverity.Error, FindingCodes.RequirementsMissing, "requirements", 0), (finding.Severity, finding.Code, finding.Document, finding.Line));
        Assert.Contains("### Requirement 1", finding.Hint, StringComparison.Ordinal);
        Assert.True(report.HasErrors("requirements"));
    }

    [Fact]
    public void A_requirement_without_a_user_story_is_a_warning_on_its_heading()
    {
        var requirement = new RequirementModel("2", "Export", null, [Criterion("2.1", 12)], 10);

        var finding = Assert.Single(SpecValidator.Validate(new SpecDocuments(Requirements(Requirement("1", 3, Criterion("1.1", 5)), requirement), null, null)).Findings);

        Assert.Equal((FindingSeverity.Warning, FindingCodes.UserStoryMissing, 10), (finding.Severity, finding.Code, finding.Line));
        Assert.Contains("Requirement 2", finding.Message, StringComparison.Ordinal);
        Assert.Contains("**User Story:**", finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requirement_without_acceptance_criteria_is_an_error()
    {
        var report = SpecValidator.Validate(new SpecDocuments(Requirements(Requirement("1", 3, Criterion("1.1", 5)), Requirement("2", 10)), null, null));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingSeverity.Error, FindingCodes.CriteriaMissing, 10), (finding.Severity, finding.Code, finding.Line));
        Assert.Contains("Requirement 2 has no acceptance criteria", finding.Message, StringComparison.Ordinal);
        Assert.True(report.HasErrors("requirements"));
    }

    [Fact]
    public void A_criterion_in_no_EARS_form_is_a_warning_naming_its_id_and_why()
    {
        var documents = new SpecDocuments(Requirements(Requirement("1", 3,
            Criterion("1.1", 5), Criterion("1.2", 6, "The note should be stored"))), null, null);

        var finding = Assert.Single(Findings(documents, FindingCodes.EarsUnrecognized));

        Assert.Equal((FindingSeverity.Warning, "requirements", 6), (finding.Severity, finding.Document, finding.Line));
        Assert.Equal("Criterion 1.2 follows no EARS pattern (it has no SHALL): \"The note should be stored\".", finding.Message);
        Assert.Equal("Rewrite as 'WHEN <event>, THE <System> SHALL <response>' (or WHILE/IF…THEN/WHERE, or 'THE <System> SHALL …').", finding.Hint);
    }

    [Fact]
    public void Every_EARS_pattern_including_complex_passes_the_check()
    {
        var documents = new SpecDocuments(Requirements(Requirement("1", 3,
            Criterion("1.1", 5, "THE Editor SHALL keep notes"),
            Criterion("1.2", 6, "WHEN the user saves THEN the Editor SHALL store the note"),
            Criterion("1.3", 7, "WHILE offline, THE Editor SHALL queue saves"),
            Criterion("1.4", 8, "IF the disk is full, THEN THE Editor SHALL show an error"),
            Criterion("1.5", 9, "WHERE sync is enabled, THE Editor SHALL upload notes"),
            Criterion("1.6", 10, "WHILE offline, WHEN the user saves, THE Editor SHALL queue the note"))), null, null);

        Assert.Empty(SpecValidator.Validate(documents).Findings);
    }

    [Fact]
    public void Each_vague_term_of_a_criterion_is_a_warning_with_a_measurable_alternative()
    {
        var documents = new SpecDocuments(Requirements(Requirement("1", 3,
            Criterion("1.1", 5, "WHEN the user saves, THE Editor SHALL store the note quickly and handle errors gracefully"))), null, null);

        var findings = Findings(documents, FindingCodes.VagueTerm);

        Assert.Equal(["Criterion 1.1 uses the vague term 'quickly'.", "Criterion 1.1 uses the vague term 'gracefully'."], findings.Select(f => f.Message));
        Assert.All(findings, f => Assert.Equal((FindingSeverity.Warning, 5), (f.Severity, f.Line)));
        Assert.Contains("within 200 ms", findings[0].Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Vague_terms_in_a_user_story_are_not_reported()
    {
        var requirement = new RequirementModel("1", "Save", "As a user, I want to save quickly, so that I keep my notes", [Criterion("1.1", 5)], 3);

        Assert.Empty(SpecValidator.Validate(new SpecDocuments(Requirements(requirement), null, null)).Findings);
    }

    [Fact]
    public void A_repeated_requirement_number_is_an_error_on_the_repeat()
    {
        var documents = new SpecDocuments(Requirements(
            Requirement("1", 3, Criterion("1.1", 5)),
            Requirement("2", 10, Criterion("2.1", 12)),
            Requirement("2", 20, Criterion("2.1", 22))), null, null);

        var finding = Assert.Single(Findings(documents, FindingCodes.RequirementNumberDuplicate));

        Assert.Equal((FindingSeverity.Error, 20), (finding.Severity, finding.Line));
        Assert.Equal("Requirement 2 appears twice (lines 10 and 20).", finding.Message);
    }

    [Fact]
    public void A_skipped_requirement_number_is_a_warning_where_the_numbering_jumps()
    {
        var documents = new SpecDocuments(Requirements(
            Requirement("1", 3, Criterion("1.1", 5)),
            Requirement("2", 10, Criterion("2.1", 12)),
            Requirement("5", 20, Criterion("5.1", 22))), null, null);

        var finding = Assert.Single(SpecValidator.Validate(documents).Findings);

        Assert.Equal((FindingSeverity.Warning, FindingCodes.RequirementNumberGap, 20), (finding.Severity, finding.Code, finding.Line));
        Assert.Equal("Requirement numbering skips 3–4 (the next one is at line 20).", finding.Message);
    }

    [Fact]
    public void Criteria_numbered_as_written_report_the_duplicate_as_an_error_and_the_gap_as_a_warning()
    {
        // "1. 2. 2. 4." under Requirement 3.
        var documents = new SpecDocuments(Requirements(
            Requirement("1", 1, Criterion("1.1", 2)),
            Requirement("2", 3, Criterion("2.1", 4)),
            Requirement("3", 5, Criterion("3.1", 7), Criterion("3.2", 8), Criterion("3.2", 9), Criterion("3.4", 10))), null, null);

        var findings = SpecValidator.Validate(documents).Findings;

        Assert.Equal(2, findings.Count);
        Assert.Equal((FindingSeverity.Error, FindingCodes.CriterionNumberDuplicate, 9), (findings[0].Severity, findings[0].Code, findings[0].Line));
        Assert.Equal("Requirement 3 has two criteria numbered 3.2 (lines 8 and 9).", findings[0].Message);
        Assert.Equal((FindingSeverity.Warning, FindingCodes.CriterionNumberGap, 10), (findings[1].Severity, findings[1].Code, findings[1].Line));
        Assert.Equal("Requirement 3 has no criterion 3.3 (numbering jumps at line 10).", findings[1].Message);
    }

    [Fact]
    public void Criteria_out_of_order_do_not_report_a_gap_they_fill_later()
    {
        var documents = new SpecDocuments(Requirements(
            Requirement("1", 1, Criterion("1.1", 2), Criterion("1.3", 3), Criterion("1.2", 4))), null, null);

        Assert.Empty(SpecValidator.Validate(documents).Findings);
    }

    [Fact]
    public void Criteria_that_do_not_start_at_one_report_the_missing_first_ones()
    {
        var documents = new SpecDocuments(Requirements(Requirement("1", 1, Criterion("1.2", 2), Criterion("1.3", 3))), null, null);

        var finding = Assert.Single(SpecValidator.Validate(documents).Findings);

        Assert.Equal((FindingCodes.CriterionNumberGap, 2), (finding.Code, finding.Line));
        Assert.Contains("no criterion 1.1", finding.Message, StringComparison.Ordinal);
    }
}
