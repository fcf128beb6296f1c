using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Tests.Documents;

public class RequirementsParserTests
{
    [Fact]
    public void Criteria_keep_their_written_numbers_so_gaps_and_duplicates_can_be_reported()
    {
        var document = RequirementsParser.Parse("### Requirement 1\n\n#### Acceptance Criteria\n\n1. THE A SHALL b\n2. THE A SHALL c\n2. THE A SHALL d\n4. THE A SHALL e\n");

        Assert.Equal(["1.1", "1.2", "1.2", "1.4"], document.Requirements[0].Criteria.Select(c => c.Id));
        Assert.Equal([5, 6, 7, 8], document.Requirements[0].Criteria.Select(c => c.Line));
    }

    [Fact]
    public void Requirement_headings_at_any_level_are_read_and_criteria_need_no_heading_of_their_own()
    {
        var document = RequirementsParser.Parse("# Requirements\n\n## Requirement 1\n\nThe user story.\n\n1. WHEN a THEN b\n2. WHEN c THEN d\n\n## Requirement 2: Second\n1. THE X SHALL y\n");

        Assert.Equal([("1", (string?)null, 2), ("2", "Second", 1)], document.Requirements.Select(r => (r.Id, r.Title, r.Criteria.Count)));
        Assert.Equal("WHEN c THEN d", document.Requirements[0].Criteria[1].Text);
    }

    [Fact]
    public void Acceptance_criteria_written_at_the_requirement_level_still_belong_to_it()
    {
        var document = RequirementsParser.Parse("### Requirement 1\n\n**User Story:** As a user, I want x.\n\n### Acceptance Criteria\n\n1. THE A SHALL b\n\n### Requirement 2\n\n1. THE A SHALL c\n");

        Assert.Equal(["1.1"], document.Requirements[0].Criteria.Select(c => c.Id));
        Assert.Equal("As a user, I want x.", document.Requirements[0].UserStory);
        Assert.Equal(["2.1"], document.Requirements[1].Criteria.Select(c => c.Id));
    }

    [Fact]
    public void A_numbered_list_outside_acceptance_criteria_is_not_a_criterion_when_that_heading_exists()
    {
        var document = RequirementsParser.Parse("### Requirement 1\n\nSteps today:\n\n1. open the app\n2. wait\n\n#### Acceptance Criteria\n\n1. THE App SHALL start in one second\n");

        var criterion = Assert.Single(document.Requirements[0].Criteria);
        Assert.Equal(("1.1", "THE App SHALL start in one second"), (criterion.Id, criterion.Text));
    }

    [Fact]
    public void Glossary_terms_are_the_bold_terms_of_the_glossary_bullets_only()
    {
        const string Requirement = "### Requirement 1: Glossary Management\n\n- **Not_A_Term**: inside a requirement\n";

        var document = RequirementsParser.Parse("## Glossary\n\n- **Timer**: counts down\n- **Cook:** cooks\n- plain\n\n## Requirements\n\n" + Requirement);

        Assert.Equal(["Timer", "Cook"], document.Glossary);
        Assert.Empty(RequirementsParser.Parse(Requirement).Glossary);
    }

    [Fact]
    public void A_document_without_requirement_headings_has_no_requirements()
    {
        var document = RequirementsParser.Parse("# Spec\n\n### R1 — Start\n\n- a bullet\n");

        Assert.Empty(document.Requirements);
        Assert.Equal(DocumentKind.Requirements, document.Kind);
    }

    [Fact]
    public void A_bugfix_clause_wrapped_onto_several_lines_keeps_its_first_line_and_its_whole_text()
    {
        var document = RequirementsParser.ParseBugfix("### Current Behavior (Defect)\n\n1.1 WHEN the user saves\ntwice quickly THEN the system\nstores two copies\n\n```\n1.2 WHEN inside a fence THEN ignored\n```\n");

        var clause = Assert.Single(Assert.Single(document.Requirements).Criteria);
        Assert.Equal(("1.1", 3), (clause.Id, clause.Line));
        Assert.Equal("WHEN the user saves twice quickly THEN the system stores two copies", clause.Text);
    }

    [Fact]
    public void Bugfix_clauses_are_grouped_by_their_first_number_even_outside_the_three_sections()
    {
        var document = RequirementsParser.ParseBugfix("# Bugfix\n\n## Analysis\n\n1.1 WHEN a THEN b\n1.2 WHEN c THEN d\n2.1 WHEN a THEN the system SHALL e\n");

        Assert.Equal([("1", "Analysis", 2), ("2", "Analysis", 1)], document.Requirements.Select(r => (r.Id, r.Title, r.Criteria.Count)));
        Assert.Equal([5, 6], document.Requirements[0].Criteria.Select(c => c.Line));
    }

    [Fact]
    public void A_bugfix_requirement_is_titled_by_its_behaviour_section_whatever_the_subheadings_under_it()
    {
        var document = RequirementsParser.ParseBugfix("## Expected Behavior (Correct)\n\n#### Saving\n\n2.1 WHEN a THEN the system SHALL b\n\n## Aktuelles Verhalten (Defekt)\n\n1.1 WENN a DANN b\n");

        Assert.Equal([("2", "Expected Behavior (Correct)", 1), ("1", "Aktuelles Verhalten (Defekt)", 7)], document.Requirements.Select(r => (r.Id, r.Title, r.Line)));
    }
}
