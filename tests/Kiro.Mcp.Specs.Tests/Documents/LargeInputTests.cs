using System.Globalization;
using System.Text;
using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Tests.Documents;

/// <summary>
/// Documents far larger than anyone writes, and lines built to make a backtracking pattern retry: they
/// parse completely and do not throw. How long they take is measured by tools/bench (pathological),
/// not asserted here.
/// </summary>
public class LargeInputTests
{
    [Fact]
    public void Fifty_thousand_tasks_with_details_parse_completely()
    {
        var text = new StringBuilder("# Implementation Plan\n\n");
        for (var i = 1; i <= 50_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- [ ] {i}. Task {i}\n  - Do thing {i}\n  - _Requirements: 1.{i % 7}_\n");
        }

        var tasks = TasksParser.Parse(text.ToString()).Tasks;

        Assert.Equal(50_000, tasks.Count);
        Assert.Equal("50000", tasks[^1].Id);
        Assert.Equal(["Do thing 50000", "_Requirements: 1.6_"], tasks[^1].Details);
        Assert.Equal(["1.6"], tasks[^1].Requirements);
    }

    [Fact]
    public void A_parent_with_thousands_of_sub_tasks_keeps_only_its_own_details()
    {
        var text = new StringBuilder("- [ ] 1. Parent\n  - Parent detail\n");
        for (var i = 1; i <= 5_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  - [ ] 1.{i} Child {i}\n    - Child detail {i}\n");
        }

        var tasks = TasksParser.Parse(text.ToString()).Tasks;

        Assert.Equal(5_001, tasks.Count);
        Assert.Equal(["Parent detail"], tasks[0].Details);
        Assert.Equal(["Child detail 5000"], tasks[^1].Details);
    }

    [Fact]
    public void A_title_wrapped_over_thousands_of_lines_is_joined_once()
    {
        var text = "- [ ] 1. Start\n" + string.Concat(Enumerable.Repeat("  more\n", 20_000));

        var task = Assert.Single(TasksParser.Parse(text).Tasks);

        Assert.Equal("Start" + string.Concat(Enumerable.Repeat(" more", 20_000)), task.Title);
    }

    [Fact]
    public void Long_runs_of_blanks_inside_titles_and_stories_are_read_as_written()
    {
        var blanks = new string(' ', 100_000);

        var task = Assert.Single(TasksParser.Parse($"- [ ] 1. a{blanks}b  \n").Tasks);
        var property = Assert.Single(DesignParser.Parse($"### Property 1: a{blanks}b{blanks}**\n").Properties);
        var requirement = Assert.Single(RequirementsParser.Parse($"### Requirement 1: R\n\nUser Story{blanks}\n").Requirements);

        Assert.Equal($"a{blanks}b", task.Title);
        Assert.Equal($"a{blanks}b", property.Title);
        Assert.Null(requirement.UserStory);
    }

    [Fact]
    public void Ten_thousand_requirements_and_properties_parse_completely()
    {
        var requirements = new StringBuilder("# Requirements\n\n");
        var design = new StringBuilder("# Design\n\n## Correctness Properties\n\n");
        for (var i = 1; i <= 10_000; i++)
        {
            requirements.Append(CultureInfo.InvariantCulture, $"### Requirement {i}: R{i}\n\n**User Story:** As a user, I want {i}\n\n#### Acceptance Criteria\n\n1. WHEN {i} THE System SHALL work\n\n");
            design.Append(CultureInfo.InvariantCulture, $"### Property {i}: P{i}\n\nText.\n\n**Validates: Requirements {i}.1**\n\n");
        }

        var parsed = RequirementsParser.Parse(requirements.ToString()).Requirements;
        var properties = DesignParser.Parse(design.ToString()).Properties;

        Assert.Equal(10_000, parsed.Count);
        Assert.Equal("As a user, I want 10000", parsed[^1].UserStory);
        Assert.Equal("10000.1", Assert.Single(parsed[^1].Criteria).Id);
        Assert.Equal(10_000, properties.Count);
        Assert.Equal(["10000.1"], properties[^1].Validates);
    }

    [Fact]
    public void Parsing_observes_a_cancelled_token()
    {
        var text = string.Concat(Enumerable.Range(1, 1_000).Select(i => $"- [ ] {i}. Task\n"));

        Assert.Throws<OperationCanceledException>(() => TasksParser.ParseCancellable(text, new CancellationToken(canceled: true)));
    }
}
