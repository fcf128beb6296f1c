using Kiro.Mcp.Specs.Documents;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Tests.Documents;

/// <summary>Facts read off real Kiro files by hand, checked against the parsers.</summary>
public class KnownFixtureFactsTests
{
    private static string Read(string path) => File.ReadAllText(Path.Combine(FixturePaths.Root, path));

    [Fact]
    public void New_generation_requirements_have_titles_stories_glossary_and_numbered_criteria()
    {
        var document = RequirementsParser.Parse(Read("gfargo__coco/.kiro/specs/workstation-branch-operations/requirements.md"));

        var first = document.Requirements[0];
        Assert.Equal(("1", "Merge Branch"), (first.Id, first.Title));
        Assert.StartsWith("As a developer, I want to merge the cursored branch", first.UserStory);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4", "1.5"], first.Criteria.Select(c => c.Id));
        Assert.StartsWith("WHEN the Cursored_Branch is the same as the Current_Branch, THE Workstation SHALL prevent", first.Criteria[1].Text);
        Assert.Contains("Cursored_Branch", document.Glossary);
        Assert.Contains("Conflicts_View", document.Glossary);
    }

    [Fact]
    public void Bugfix_clauses_are_grouped_into_current_expected_and_unchanged_behaviour()
    {
        var document = RequirementsParser.ParseBugfix(Read("tcutts__self-service-hpc/.kiro/specs/pcs-single-subnet-fix/bugfix.md"));

        Assert.Equal(DocumentKind.Bugfix, document.Kind);
        Assert.Equal(["1", "2", "3"], document.Requirements.Select(r => r.Id));
        Assert.Equal("Current Behavior (Defect)", document.Requirements[0].Title);
        Assert.Equal(["1.1", "1.2"], document.Requirements[0].Criteria.Select(c => c.Id));
        Assert.Equal(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"], document.Requirements[2].Criteria.Select(c => c.Id));
        Assert.Equal(25, document.Requirements[2].Criteria[0].Line);
        Assert.StartsWith("WHEN `create_pcs_cluster` is called with a `privateSubnetIds` list containing one or more subnets THEN the system SHALL", document.Requirements[1].Criteria[0].Text);
    }

    [Fact]
    public void Design_properties_carry_the_criteria_they_validate()
    {
        var document = DesignParser.Parse(Read("0xWhisp__ci-time-tracker/.kiro/specs/ci-time-tracker/design.md"));

        Assert.NotEmpty(document.Properties);
        var first = document.Properties[0];
        Assert.Equal("1", first.Number);
        Assert.Equal(["1.1", "1.2", "1.3", "1.4"], first.Validates);
        Assert.Equal(313, first.ValidatesLine);
        Assert.Contains(document.Headings, h => h.Text == "Correctness Properties");
    }

    [Fact]
    public void Flush_left_sub_tasks_get_their_parent_from_the_id_and_wrapped_titles_are_joined()
    {
        var document = TasksParser.Parse(Read("PhiBao__between/.kiro/specs/01-record-core/tasks.md"));

        var task = document.Tasks.First(t => t.Id == "1.1");
        Assert.Equal("1", task.ParentId);
        Assert.Equal(TaskStatus.Done, task.Status);
        Assert.Equal("Create `20260817000100_init.sql`: families, memberships, children, invites, entries, entry_reads, agreements, agreement_events, packs, ai_events", task.Title);
    }

    [Fact]
    public void The_new_generation_task_list_has_optional_checkpoint_and_traced_tasks()
    {
        var all = FixturePaths.Files("tasks.md").Select(f => TasksParser.Parse(File.ReadAllText(f))).SelectMany(d => d.Tasks).ToList();

        Assert.Contains(all, t => t.Optional);
        Assert.Contains(all, t => t.Checkpoint);
        Assert.Contains(all, t => t.Requirements.Count > 0 && t.RequirementsLine > t.Line);
        Assert.Contains(all, t => t.Status == TaskStatus.InProgress);
    }
}
