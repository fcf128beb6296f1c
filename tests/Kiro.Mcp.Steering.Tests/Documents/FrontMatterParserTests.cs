using Kiro.Mcp.Steering.Documents;

namespace Kiro.Mcp.Steering.Tests.Documents;

public class FrontMatterParserTests
{
    [Fact]
    public void A_file_without_front_matter_is_always_included_from_its_first_character()
    {
        var parsed = FrontMatterParser.Parse("# Tech\n\nUse .NET.\n");
        Assert.Equal(Inclusion.Always, parsed.Inclusion);
        Assert.Equal(0, parsed.BodyStart);
        Assert.False(parsed.Present);
        Assert.Empty(parsed.Findings);
    }

    [Fact]
    public void Always_is_read_and_the_body_starts_after_the_closing_fence()
    {
        const string text = "---\ninclusion: always\n---\n\n# Standards\n";
        var parsed = FrontMatterParser.Parse(text);
        Assert.Equal(Inclusion.Always, parsed.Inclusion);
        Assert.Equal("\n# Standards\n", text[parsed.BodyStart..]);
        Assert.Empty(parsed.Findings);
    }

    [Fact]
    public void FileMatch_with_one_quoted_pattern()
    {
        var parsed = FrontMatterParser.Parse("---\ninclusion: fileMatch\nfileMatchPattern: \"components/**/*.tsx\"\n---\nbody");
        Assert.Equal(Inclusion.FileMatch, parsed.Inclusion);
        Assert.Equal(["components/**/*.tsx"], parsed.Patterns);
        Assert.Empty(parsed.Findings);
    }

    [Fact]
    public void FileMatch_with_a_comma_separated_string_gives_one_pattern_per_entry()
    {
        var parsed = FrontMatterParser.Parse("---\ninclusion: fileMatch\nfileMatchPattern: \"**/*.ts, **/*.tsx,,src/**/*.{js,jsx}\"\n---\n");
        Assert.Equal(["**/*.ts", "**/*.tsx", "src/**/*.{js,jsx}"], parsed.Patterns);
    }

    [Fact]
    public void FileMatch_with_a_flow_array_and_with_a_block_array()
    {
        var flow = FrontMatterParser.Parse("---\ninclusion: fileMatch\nfileMatchPattern: [\"**/*.ts\", \"**/tsconfig.*.json\"]\n---\n");
        var block = FrontMatterParser.Parse("---\ninclusion: fileMatch\nfileMatchPattern:\n  - \"**/*.ts\"\n  - '**/tsconfig.*.json'\n---\n");
        Assert.Equal(["**/*.ts", "**/tsconfig.*.json"], flow.Patterns);
        Assert.Equal(["**/*.ts", "**/tsconfig.*.json"], block.Patterns);
    }

    [Fact]
    public void Manual_and_auto_with_name_and_description()
    {
        Assert.Equal(Inclusion.Manual, FrontMatterParser.Parse("---\ninclusion: manual\n---\n").Inclusion);
        var auto = FrontMatterParser.Parse("---\ninclusion: auto\nname: api-design\ndescription: REST API design patterns. Use when creating endpoints.\n---\n");
        Assert.Equal(Inclusion.Auto, auto.Inclusion);
        Assert.Equal("api-design", auto.Name);
        Assert.Equal("REST API design patterns. Use when creating endpoints.", auto.Description);
        Assert.Empty(auto.Findings);
    }

    [Fact]
    public void Inclusion_is_read_case_insensitively_and_CRLF_and_a_BOM_are_fine()
    {
        const string text = "\uFEFF---\r\ninclusion: FileMatch\r\nfileMatchPattern: '*.md'\r\n---\r\n# Docs\r\n";
        var parsed = FrontMatterParser.Parse(text);
        Assert.Equal(Inclusion.FileMatch, parsed.Inclusion);
        Assert.Equal(["*.md"], parsed.Patterns);
        Assert.Equal("# Docs\r\n", text[parsed.BodyStart..]);
    }

    [Theory]
    [InlineData("---\ninclusion: fileMatch\nfileMatchPattern: [unclosed\n---\n# Body\n", "front_matter_invalid")]
    [InlineData("---\ninclusion: manual\ninclusion: auto\n---\n# Body\n", "front_matter_invalid")]
    [InlineData("---\n- just\n- a list\n---\n# Body\n", "front_matter_invalid")]
    [InlineData("---\ninclusion: manual\n  bad: indent\n---\n# Body\n", "front_matter_invalid")]
    [InlineData("---\ninclusion: \"manual\n---\n# Body\n", "front_matter_invalid")]
    [InlineData("---\ninclusion: sometimes\n---\n# Body\n", "inclusion_invalid")]
    public void Malformed_front_matter_is_a_finding_and_the_file_is_always_included(string text, string code)
    {
        var parsed = FrontMatterParser.Parse(text);
        Assert.Equal(Inclusion.Always, parsed.Inclusion);
        Assert.Equal(code, Assert.Single(parsed.Findings).Code);
        Assert.Equal("# Body\n", text[parsed.BodyStart..]);
    }

    [Fact]
    public void Unclosed_front_matter_is_a_finding_and_the_whole_file_is_the_body()
    {
        var parsed = FrontMatterParser.Parse("---\ninclusion: manual\n# Title\n");
        Assert.Equal(Inclusion.Always, parsed.Inclusion);
        Assert.Equal(0, parsed.BodyStart);
        Assert.Equal("front_matter_unclosed", Assert.Single(parsed.Findings).Code);
    }

    [Fact]
    public void Front_matter_must_be_on_the_first_line()
    {
        // A blank line first makes "---" a thematic break, as in Kiro: no front matter.
        var parsed = FrontMatterParser.Parse("\n---\ninclusion: manual\n---\n");
        Assert.Equal(Inclusion.Always, parsed.Inclusion);
        Assert.False(parsed.Present);
    }

    [Fact]
    public void FileMatch_without_patterns_and_auto_without_description_are_findings()
    {
        Assert.Equal("pattern_missing", Assert.Single(FrontMatterParser.Parse("---\ninclusion: fileMatch\n---\n").Findings).Code);
        Assert.Equal("description_missing", Assert.Single(FrontMatterParser.Parse("---\ninclusion: auto\nname: x\n---\n").Findings).Code);
    }

    [Fact]
    public void Empty_front_matter_is_always_without_findings()
    {
        var parsed = FrontMatterParser.Parse("---\n---\n# Body\n");
        Assert.Equal(Inclusion.Always, parsed.Inclusion);
        Assert.True(parsed.Present);
        Assert.Empty(parsed.Findings);
    }

    [Fact]
    public void A_pattern_that_is_a_mapping_is_a_finding()
    {
        var parsed = FrontMatterParser.Parse("---\ninclusion: fileMatch\nfileMatchPattern:\n  glob: x\n---\n");
        Assert.Contains(parsed.Findings, f => f.Code == "pattern_invalid");
        Assert.Empty(parsed.Patterns);
    }
}
