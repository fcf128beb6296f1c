using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Validation;
using static Kiro.Mcp.Specs.Tests.Validation.Model;

namespace Kiro.Mcp.Specs.Tests.Validation;

public partial class SpecValidatorTests
{
    [Fact]
    public void Each_missing_design_section_is_a_warning_about_the_whole_document()
    {
        var findings = SpecValidator.Validate(new SpecDocuments(null, Design(["Overview", "Architecture", "Testing Strategy"]), null)).Findings;

        Assert.Equal(
            ["design.md has no 'Components and Interfaces' section.", "design.md has no 'Data Models' section.", "design.md has no 'Error Handling' section."],
            findings.Select(f => f.Message));
        Assert.All(findings, f => Assert.Equal((FindingSeverity.Warning, FindingCodes.DesignSectionMissing, "design", 0), (f.Severity, f.Code, f.Document, f.Line)));
        Assert.Equal("Add '## Error Handling' describing each failure and how it is reported and recovered from.", findings[2].Hint);
    }

    [Fact]
    public void Design_sections_match_by_word_in_any_case_with_numbering_markup_or_translation()
    {
        var design = Design(["1. OVERVIEW", "System Architecture", "**Components**", "Data Model", "Errors & Recovery", "Property-Based Tests"]);
        var german = Design(["Übersicht", "Architektur", "Komponenten und Schnittstellen", "Datenmodelle", "Fehlerbehandlung", "Teststrategie"]);

        Assert.Empty(SpecValidator.Validate(new SpecDocuments(null, design, null)).Findings);
        Assert.Empty(SpecValidator.Validate(new SpecDocuments(null, german, null)).Findings);
    }

    [Fact]
    public void The_design_title_does_not_count_as_a_section()
    {
        var headings = new List<Heading> { new(1, "Design Document: Test Runner Overview", 1, 0, 0, 0) };
        headings.AddRange(FullDesign().Headings.Where(h => h.Text is not "Overview" and not "Testing Strategy"));

        var findings = SpecValidator.Validate(new SpecDocuments(null, new DesignDocument(headings, []), null)).Findings;

        Assert.Equal(["design.md has no 'Overview' section.", "design.md has no 'Testing Strategy' section."], findings.Select(f => f.Message));
    }

    [Fact]
    public void A_bugfix_design_expects_an_overview_the_fix_and_a_testing_strategy()
    {
        var bugfix = Bugfix(
            Section("1", 9, Criterion("1.1", 11, Current)),
            Section("2", 13, Criterion("2.1", 15, Expected)),
            Section("3", 19, Criterion("3.1", 21, Unchanged)));
        // Headings of a real bugfix design (tcutts/self-service-hpc) and of one that only has an overview.
        var real = Design(["Overview", "Glossary", "Bug Details", "Expected Behavior", "Hypothesized Root Cause", "Correctness Properties", "Fix Implementation", "Testing Strategy"]);
        var thin = Design(["Overview"]);

        Assert.Empty(SpecValidator.Validate(new SpecDocuments(bugfix, real, null)).Findings);
        Assert.Equal(
            ["design.md has no 'Fix Implementation' section.", "design.md has no 'Testing Strategy' section."],
            SpecValidator.Validate(new SpecDocuments(bugfix, thin, null)).Findings.Select(f => f.Message));
    }

    [Fact]
    public void A_property_validating_an_unknown_criterion_is_an_error_on_its_Validates_line()
    {
        var documents = new SpecDocuments(
            Requirements(Requirement("1", 3, Criterion("1.1", 5), Criterion("1.2", 6))),
            FullDesign(Property("1", 20, "1.1", "1.9", "4.1", "1.9")),
            null);

        var findings = Findings(documents, FindingCodes.ReferenceUnknown);

        Assert.Equal(
            ["Property 1 validates '1.9', which is not a criterion in requirements.md.", "Property 1 validates '4.1', which is not a criterion in requirements.md."],
            findings.Select(f => f.Message));
        Assert.All(findings, f => Assert.Equal((FindingSeverity.Error, "design", 22), (f.Severity, f.Document, f.Line)));
        Assert.Contains("'1.1'", findings[0].Hint, StringComparison.Ordinal);
        Assert.True(SpecValidator.Validate(documents).HasErrors("design"));
    }

    [Fact]
    public void A_property_may_validate_a_whole_requirement()
    {
        var documents = new SpecDocuments(Requirements(Requirement("1", 3, Criterion("1.1", 5))), FullDesign(Property("1", 20, "1")), null);

        Assert.Empty(SpecValidator.Validate(documents).Findings);
    }

    [Fact]
    public void Property_references_are_not_checked_before_the_requirements_exist()
    {
        var documents = new SpecDocuments(null, FullDesign(Property("1", 20, "9.9")), null);

        Assert.Empty(SpecValidator.Validate(documents).Findings);
    }

    [Fact]
    public void A_property_without_a_Validates_line_is_a_warning_on_the_property()
    {
        var documents = new SpecDocuments(Requirements(Requirement("1", 3, Criterion("1.1", 5))), FullDesign(Property("3", 40)), null);

        var finding = Assert.Single(SpecValidator.Validate(documents).Findings);

        Assert.Equal((FindingSeverity.Warning, FindingCodes.PropertyValidatesMissing, "design", 40), (finding.Severity, finding.Code, finding.Document, finding.Line));
        Assert.Equal("Property 3 ('Property 3') does not say which requirements it validates.", finding.Message);
        Assert.Equal("Add '**Validates: Requirements 1.1**' under the property, citing the criteria it checks.", finding.Hint);
    }
}
