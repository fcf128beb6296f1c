using Kiro.Mcp.Specs.Validation;
using static Kiro.Mcp.Specs.Tests.Validation.Model;

namespace Kiro.Mcp.Specs.Tests.Validation;

public partial class SpecValidatorTests
{
    // Clauses from tcutts/self-service-hpc's pcs-single-subnet-fix bugfix.md (shortened).
    private const string Current = "WHEN `create_pcs_cluster` is called with more than one subnet THEN the system raises a `ValidationException`";
    private const string Expected = "WHEN `create_pcs_cluster` is called with one or more subnets THEN the system SHALL pass only the first subnet";
    private const string Unchanged = "WHEN `create_compute_node_group` is called with multiple subnets THEN the system SHALL CONTINUE TO pass all subnets";

    private static Kiro.Mcp.Specs.Documents.RequirementsDocument CleanBugfix() => Bugfix(
        Section("1", 9, Criterion("1.1", 11, Current)),
        Section("2", 13, Criterion("2.1", 15, Expected), Criterion("2.2", 17, Expected)),
        Section("3", 19, Criterion("3.1", 21, Unchanged)));

    [Fact]
    public void A_clean_bugfix_has_no_findings_although_its_current_behaviour_says_no_SHALL()
    {
        Assert.Empty(SpecValidator.Validate(new SpecDocuments(CleanBugfix(), null, null)).Findings);
    }

    [Fact]
    public void A_bugfix_without_clauses_misses_all_three_sections()
    {
        var report = SpecValidator.Validate(new SpecDocuments(Bugfix(), null, null));

        Assert.Equal(3, report.Findings.Count);
        Assert.All(report.Findings, f => Assert.Equal((FindingSeverity.Error, FindingCodes.BugfixSectionMissing, "bugfix", 0), (f.Severity, f.Code, f.Document, f.Line)));
        Assert.Equal(
            ["bugfix.md has no current behaviour clauses (1.1, 1.2, …).", "bugfix.md has no expected behaviour clauses (2.1, 2.2, …).", "bugfix.md has no unchanged behaviour clauses (3.1, 3.2, …)."],
            report.Findings.Select(f => f.Message));
        Assert.True(report.HasErrors("bugfix"));
        Assert.False(report.HasErrors("requirements"));
    }

    [Fact]
    public void An_empty_bugfix_section_is_an_error_on_its_heading()
    {
        var bugfix = Bugfix(
            Section("1", 9, Criterion("1.1", 11, Current)),
            Section("2", 13),
            Section("3", 19, Criterion("3.1", 21, Unchanged)));

        var finding = Assert.Single(SpecValidator.Validate(new SpecDocuments(bugfix, null, null)).Findings);

        Assert.Equal((FindingCodes.BugfixSectionMissing, 13), (finding.Code, finding.Line));
        Assert.Contains("expected behaviour", finding.Message, StringComparison.Ordinal);
        Assert.Contains("### Expected Behavior (Correct)", finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Expected_and_unchanged_clauses_must_say_SHALL()
    {
        var bugfix = Bugfix(
            Section("1", 9, Criterion("1.1", 11, Current)),
            Section("2", 13, Criterion("2.1", 15, "WHEN the user clicks About THEN the page is shown")),
            Section("3", 19, Criterion("3.1", 21, "WHEN the user opens Home THEN it loads")));

        var findings = SpecValidator.Validate(new SpecDocuments(bugfix, null, null)).Findings;

        Assert.Equal([(FindingCodes.EarsUnrecognized, 15), (FindingCodes.EarsUnrecognized, 21)], findings.Select(f => (f.Code, f.Line)));
        Assert.All(findings, f => Assert.Equal(("bugfix", FindingSeverity.Warning), (f.Document, f.Severity)));
        Assert.Contains("SHALL CONTINUE TO", findings[1].Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The About page returns a 404 error", "does not start with WHEN")]
    [InlineData("WHEN users click About THEN the system SHALL show the page", "says SHALL")]
    [InlineData("WHEN users click About", "does not say THEN")]
    public void A_current_behaviour_clause_must_observe_the_defect_as_WHEN_THEN_without_SHALL(string clause, string problem)
    {
        var bugfix = Bugfix(
            Section("1", 9, Criterion("1.1", 11, clause)),
            Section("2", 13, Criterion("2.1", 15, Expected)),
            Section("3", 19, Criterion("3.1", 21, Unchanged)));

        var finding = Assert.Single(SpecValidator.Validate(new SpecDocuments(bugfix, null, null)).Findings);

        Assert.Equal((FindingSeverity.Warning, FindingCodes.DefectClauseFormat, 11), (finding.Severity, finding.Code, finding.Line));
        Assert.StartsWith("Clause 1.1 " + problem, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bugfix_clause_numbers_are_checked_within_each_section()
    {
        var bugfix = Bugfix(
            Section("1", 9, Criterion("1.1", 11, Current)),
            Section("2", 13, Criterion("2.1", 15, Expected), Criterion("2.1", 16, Expected), Criterion("2.3", 17, Expected)),
            Section("3", 19, Criterion("3.1", 21, Unchanged)));

        var findings = SpecValidator.Validate(new SpecDocuments(bugfix, null, null)).Findings;

        Assert.Equal([(FindingCodes.CriterionNumberDuplicate, 16), (FindingCodes.CriterionNumberGap, 17)], findings.Select(f => (f.Code, f.Line)));
        Assert.Contains("expected behaviour section has two criteria numbered 2.1", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("no criterion 2.2", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vague_terms_are_reported_in_expected_clauses_but_not_in_the_observed_defect()
    {
        var bugfix = Bugfix(
            Section("1", 9, Criterion("1.1", 11, "WHEN the list is long THEN the page loads slowly")),
            Section("2", 13, Criterion("2.1", 15, "WHEN the list is long THEN the system SHALL load the page fast")),
            Section("3", 19, Criterion("3.1", 21, Unchanged)));

        var finding = Assert.Single(SpecValidator.Validate(new SpecDocuments(bugfix, null, null)).Findings);

        Assert.Equal((FindingCodes.VagueTerm, 15), (finding.Code, finding.Line));
    }
}
