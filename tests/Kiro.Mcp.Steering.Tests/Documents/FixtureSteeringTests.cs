using Kiro.Mcp.Steering.Documents;

namespace Kiro.Mcp.Steering.Tests.Documents;

/// <summary>Every real steering file in the fixtures parses cleanly, and known ones parse to what they say.</summary>
public class FixtureSteeringTests
{
    public static TheoryData<string> Files => FixturePaths.SteeringFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_fixture_steering_file_parses_without_findings(string relative)
    {
        var text = FixturePaths.Read(relative);
        var parsed = FrontMatterParser.Parse(text);
        Assert.Empty(parsed.Findings);
        Assert.Equal(parsed.Inclusion == Inclusion.FileMatch, parsed.Patterns.Count > 0);
        // The body never starts inside the front matter.
        Assert.False(text[parsed.BodyStart..].TrimStart().StartsWith("inclusion:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_fixtures_have_at_least_one_file_of_each_inclusion_mode()
    {
        var modes = FixturePaths.SteeringFiles().Select(row => FrontMatterParser.Parse(FixturePaths.Read(row.Data)).Inclusion).ToHashSet();
        Assert.Equal(Enum.GetValues<Inclusion>().ToHashSet(), modes);
    }

    [Theory]
    [InlineData("mathisen99__BetterKiroPrompts/.kiro/steering/quality-go.md", Inclusion.FileMatch, new[] { "**/*.go" })]
    [InlineData("PhiBao__between/.kiro/steering/privacy-and-safety.md", Inclusion.FileMatch, new[] { "src/lib/ai/**/*.ts", "src/lib/safety/**/*.ts", "src/app/actions.ts", "src/app/api/**/*.ts" })]
    [InlineData("lancejanocha__kb-pong/.kiro/steering/zustand.md", Inclusion.FileMatch, new[] { "src/app/store*", "src/**/*.tsx" })]
    [InlineData("486__kiro-aa-demo-01/.kiro/steering/diary.md", Inclusion.Manual, new string[0])]
    [InlineData("kirodotdev__spirit-of-kiro/.kiro/steering/tech.md", Inclusion.Always, new string[0])]
    public void Known_fixture_files_parse_to_their_modes_and_patterns(string relative, Inclusion inclusion, string[] patterns)
    {
        var parsed = FrontMatterParser.Parse(FixturePaths.Read(relative.Replace('/', Path.DirectorySeparatorChar)));
        Assert.Equal(inclusion, parsed.Inclusion);
        Assert.Equal(patterns, parsed.Patterns);
    }

    [Fact]
    public void An_auto_fixture_has_its_name_and_description()
    {
        var parsed = FrontMatterParser.Parse(FixturePaths.Read(Path.Join("lancejanocha__kb-pong", ".kiro", "steering", "powerups.md")));
        Assert.Equal(Inclusion.Auto, parsed.Inclusion);
        Assert.Equal("powerups", parsed.Name);
        Assert.Equal("Powerup design, implementation, eligibility, balancing, and testing for Pong and Breakout modes.", parsed.Description);
    }
}
