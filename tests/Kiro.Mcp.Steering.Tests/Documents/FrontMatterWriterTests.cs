using Kiro.Mcp.Steering.Documents;

namespace Kiro.Mcp.Steering.Tests.Documents;

public class FrontMatterWriterTests
{
    [Fact]
    public void Written_front_matter_looks_like_Kiros_own()
    {
        Assert.Equal("---\ninclusion: always\n---\n", FrontMatterWriter.Write(Inclusion.Always, [], null, null));
        Assert.Equal("---\ninclusion: fileMatch\nfileMatchPattern: \"**/*.ts\"\n---\n", FrontMatterWriter.Write(Inclusion.FileMatch, ["**/*.ts"], null, null));
        Assert.Equal("---\ninclusion: fileMatch\nfileMatchPattern: [\"src/**/*.ts\", \"*.md\"]\n---\n",
            FrontMatterWriter.Write(Inclusion.FileMatch, ["src/**/*.ts", "*.md"], null, null));
    }

    [Theory]
    [InlineData("Plain words only")]
    [InlineData("Use when: creating endpoints # not a comment")]
    [InlineData("'quoted' and \"double\" and a very long description that goes on well past eighty characters without stopping")]
    [InlineData("- starts like a list item")]
    [InlineData("Ünïcödé ✓")]
    public void What_is_written_parses_back_to_the_same_values(string description)
    {
        var text = FrontMatterWriter.Write(Inclusion.Auto, [], "api-design", description) + "\n# Body\n";
        var parsed = FrontMatterParser.Parse(text);
        Assert.Empty(parsed.Findings);
        Assert.Equal(Inclusion.Auto, parsed.Inclusion);
        Assert.Equal("api-design", parsed.Name);
        Assert.Equal(description, parsed.Description);
        Assert.Equal("\n# Body\n", text[parsed.BodyStart..]);
    }

    [Fact]
    public void Patterns_with_yaml_characters_round_trip()
    {
        string[] patterns = ["*.md", "[abc]/*.ts", "docs/#1/**", "src/**/*.{ts,tsx}"];
        var parsed = FrontMatterParser.Parse(FrontMatterWriter.Write(Inclusion.FileMatch, patterns, null, null));
        Assert.Equal(patterns, parsed.Patterns);
    }
}
