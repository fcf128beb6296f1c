using System.Text;
using Kiro.Mcp.Specs.Documents;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Tests.Documents;

/// <summary>
/// Facts read off real Kiro files in ../shared by hand, checked against the parsers; skipped when ../shared
/// is absent. <see cref="KnownCorpusFactsTests"/> checks the same shapes in the repository's own corpus.
/// </summary>
public class KnownFixtureFactsTests
{
    // Decoded as written: a BOM stays character 0 and CRLF stays CRLF.
    private static string Read(string path) => new UTF8Encoding(false).GetString(KiroFixtures.Shared.ReadBytes(path));

    [Fact]
    public void New_generation_requirements_have_titles_stories_glossary_and_numbered_criteria()
    {
        var document = RequirementsParser.Parse(Read("gfargo__coco/.kiro/specs/workstation-branch-operations/requirements.md"));

        Assert.Equal(13, document.Requirements.Count);
        Assert.Equal(65, document.AllCriteria.Count());
        Assert.Equal(15, document.Glossary.Count);
        var first = document.Requirements[0];
        Assert.Equal(("1", "Merge Branch", 27), (first.Id, first.Title, first.Line));
        Assert.StartsWith("As a developer, I want to merge the cursored branch", first.UserStory);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5"], first.Criteria.Select(c => c.Id));
        Assert.StartsWith("WHEN the Cursored_Branch is the same as the Current_Branch, THE Workstation SHALL prevent", first.Criteria[1].Text);
        Assert.Equal(34, first.Criteria[1].Line);
        Assert.Equal(["Workstation", "Branches_View", "Cursored_Branch"], document.Glossary.Take(3));
    }

    [Fact]
    public void New_generation_tasks_carry_their_requirement_references_and_checkpoints()
    {
        var document = TasksParser.Parse(Read("gfargo__coco/.kiro/specs/workstation-branch-operations/tasks.md"));

        Assert.Equal(33, document.Tasks.Count);
        Assert.Empty(document.Malformed);
        Assert.All(document.Tasks, t => Assert.Equal(TaskStatus.Done, t.Status));
        var task = document.Tasks.Single(t => t.Id == "1.1");
        Assert.Equal(("1", 10, 14), (task.ParentId, task.Line, task.RequirementsLine));
        Assert.Equal(["1.1", "2.1", "2.2", "2.3"], task.Requirements);
        Assert.Equal(["6", "10", "12"], document.Tasks.Where(t => t.Checkpoint).Select(t => t.Id));
    }

    [Fact]
    public void Optional_and_queued_tasks_are_read_from_a_run_all_in_progress()
    {
        var document = TasksParser.Parse(Read("ade-m__Kiro-Demo-POS/.kiro/specs/product-management/tasks.md"));

        Assert.Equal(["2.2", "2.4", "2.6", "4.2", "4.4", "4.6", "5.2", "6.2", "8.4", "9.2", "9.4", "10.2", "11.3", "12.2", "12.3"], document.Tasks.Where(t => t.Optional).Select(t => t.Id));
        Assert.Equal(TaskStatus.InProgress, document.Tasks[0].Status);
        Assert.Equal(TaskStatus.Queued, document.Tasks.Single(t => t.Id == "2.1").Status);
        // "_Requirements: All requirements_" is a requirements line with no ids.
        var allRequirements = document.Tasks.Single(t => t.Id == "12.2");
        Assert.Empty(allRequirements.Requirements);
        Assert.Equal(201, allRequirements.RequirementsLine);
    }

    [Fact]
    public void Bugfix_clauses_are_grouped_into_current_expected_and_unchanged_behaviour()
    {
        var document = RequirementsParser.ParseBugfix(Read("tcutts__self-service-hpc/.kiro/specs/pcs-single-subnet-fix/bugfix.md"));

        Assert.Equal(DocumentKind.Bugfix, document.Kind);
        Assert.Equal(["1", "2", "3"], document.Requirements.Select(r => r.Id));
        Assert.Equal(["Current Behavior (Defect)", "Expected Behavior (Correct)", "Unchanged Behavior (Regression Prevention)"], document.Requirements.Select(r => r.Title));
        Assert.Equal(["1.1", "1.2"], document.Requirements[0].Criteria.Select(c => c.Id));
        Assert.Equal(["2.1", "2.2"], document.Requirements[1].Criteria.Select(c => c.Id));
        Assert.Equal(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"], document.Requirements[2].Criteria.Select(c => c.Id));
        Assert.Equal(25, document.Requirements[2].Criteria[0].Line);
        Assert.StartsWith("WHEN `create_pcs_cluster` is called with a `privateSubnetIds` list containing one or more subnets THEN the system SHALL", document.Requirements[1].Criteria[0].Text);
    }

    [Fact]
    public void A_localised_bugfix_is_grouped_by_clause_number_under_its_own_headings()
    {
        var document = RequirementsParser.ParseBugfix(Read("schoemi__lyco/.kiro/specs/zip-bomb-protection/bugfix.md"));

        Assert.Equal([("1", "Aktuelles Verhalten (Defekt)", 4), ("2", "Erwartetes Verhalten (Korrekt)", 4), ("3", "Unverändertes Verhalten (Regressionsprävention)", 7)],
            document.Requirements.Select(r => (r.Id, r.Title, r.Criteria.Count)));
    }

    [Fact]
    public void Design_properties_carry_the_criteria_they_validate()
    {
        var document = DesignParser.Parse(Read("0xWhisp__ci-time-tracker/.kiro/specs/ci-time-tracker/design.md"));

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], document.Properties.Select(p => p.Number));
        var first = document.Properties[0];
        Assert.Equal(("Config parsing extracts all steps", 309, 313), (first.Title, first.Line, first.ValidatesLine));
        Assert.Equal(["1.1", "1.2", "1.3", "1.4"], first.Validates);
        Assert.Equal(["5.1", "5.2", "5.3"], document.Properties[6].Validates);
        Assert.Contains(document.Headings, h => h.Text == "Correctness Properties");
    }

    [Fact]
    public void Bugfix_design_properties_written_as_plain_paragraphs_are_read()
    {
        var document = DesignParser.Parse(Read("tcutts__self-service-hpc/.kiro/specs/pcs-single-subnet-fix/design.md"));

        Assert.Equal([("1", "Bug Condition — CreateCluster receives exactly one subnet", 70, 74), ("2", "Preservation — Other functions and parameters unchanged", 76, 80)],
            document.Properties.Select(p => (p.Number, p.Title, p.Line, p.ValidatesLine)));
        Assert.Equal(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"], document.Properties[1].Validates);
    }

    [Fact]
    public void A_crlf_file_parses_like_any_other_and_extra_blank_lines_under_a_task_do_not_matter()
    {
        var requirements = RequirementsParser.Parse(Read("9ntonio__9ntonio/.kiro/specs/lighthouse-score-fix/requirements.md"));
        var text = Read("9ntonio__9ntonio/.kiro/specs/lighthouse-score-fix/tasks.md");
        var tasks = TasksParser.Parse(text);

        Assert.Contains("\r\n", text);
        Assert.Equal([4, 4, 4, 4, 4], requirements.Requirements.Select(r => r.Criteria.Count));
        Assert.Equal("WHEN the page loads THEN the Cumulative Layout Shift (CLS) SHALL be under 0.1", requirements.Requirements[0].Criteria[0].Text);
        Assert.Equal(10, tasks.Tasks.Count);
        var first = tasks.Tasks[0];
        Assert.Equal(("Implement critical CSS inlining to eliminate render-blocking resources", 3, 12), (first.Title, first.Line, first.RequirementsLine));
        Assert.Equal(4, first.Details.Count);
        Assert.Equal(["2.1", "2.2", "2.3"], first.Requirements);
        Assert.DoesNotContain(first.Details, d => d.Contains('\r', StringComparison.Ordinal));
        Assert.Equal('x', text[first.StatusOffset]);
    }

    [Fact]
    public void Flush_left_sub_tasks_get_their_parent_from_the_id_and_wrapped_titles_are_joined()
    {
        var document = TasksParser.Parse(Read("PhiBao__between/.kiro/specs/01-record-core/tasks.md"));

        var task = document.Tasks.First(t => t.Id == "1.1");
        Assert.Equal("1", task.ParentId);
        Assert.Equal(TaskStatus.Done, task.Status);
        Assert.Equal("Create `20260817000100_init.sql`: families, memberships, children, invites, entries, entry_reads, agreements, agreement_events, packs, ai_events", task.Title);
        // The "Verification" checklist has checkboxes without task numbers.
        Assert.Equal([47, 48, 50], document.Malformed.Select(m => m.Line));
    }

    [Fact]
    public void Lettered_sub_tasks_are_malformed_with_a_reason_that_says_what_to_write()
    {
        var document = TasksParser.Parse(Read("JDiegoTorres__mind-games/.kiro/specs/crossword/tasks.md"));

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], document.Tasks.Select(t => t.Id));
        Assert.Equal(10, document.Malformed.Count);
        Assert.StartsWith("'4a.' is not a task number", document.Malformed[0].Reason);
        // Front matter ("---\ndescription: …\n---") is not a heading.
        Assert.Equal(["Tasks"], document.Headings.Select(h => h.Text));
    }

    [Fact]
    public void Ids_after_another_label_on_a_requirements_line_are_not_references()
    {
        var document = TasksParser.Parse(Read("Adilmohd04__kiro-challenge/.kiro/specs/sentinelnow-mcp-gateway/tasks.md"));

        // "_Requirements: 11.1; Design: Components and Interfaces > 1_"
        Assert.Equal(["11.1"], document.Tasks.Single(t => t.Id == "4.1").Requirements);
        Assert.Equal(["1.1"], document.Tasks.Single(t => t.Id == "2.2").Requirements);
    }
}
