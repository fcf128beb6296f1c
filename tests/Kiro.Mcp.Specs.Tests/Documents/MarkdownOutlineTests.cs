using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Tests.Documents;

public class MarkdownOutlineTests
{
    [Fact]
    public void A_section_ends_at_the_next_heading_of_the_same_or_a_higher_level()
    {
        const string Text = "# A\n\n## B\nb\n### C\nc\n## D\nd\n";

        var headings = MarkdownOutline.Parse(Text);

        Assert.Equal(["A", "B", "C", "D"], headings.Select(h => h.Text));
        Assert.Equal(Text.Length, headings[0].End);
        Assert.Equal(Text.IndexOf("## D", StringComparison.Ordinal), headings[1].End);
        Assert.Equal(Text.IndexOf("## D", StringComparison.Ordinal), headings[2].End);
        Assert.Equal("## B\nb\n### C\nc\n", Text[headings[1].Start..headings[1].End]);
        Assert.Equal("b\n### C\nc\n", Text[headings[1].BodyStart..headings[1].End]);
    }

    [Fact]
    public void Hash_lines_inside_a_fence_are_not_headings_even_when_the_fence_is_never_closed()
    {
        var headings = MarkdownOutline.Parse("# Real\n\n```md\n# Not a heading\n```\n\n## Also real\n\n~~~\n# unclosed fence\n## to the end\n");

        Assert.Equal(["Real", "Also real"], headings.Select(h => h.Text));
    }

    [Fact]
    public void A_bom_is_character_zero_and_crlf_belongs_to_the_heading_line()
    {
        const string Text = "\uFEFF# Title\r\n\r\n## Next\r\nbody";

        var headings = MarkdownOutline.Parse(Text);

        Assert.Equal((1, 1, 10), (headings[0].Line, headings[0].Start, headings[0].BodyStart));
        Assert.Equal((3, 12, 21), (headings[1].Line, headings[1].Start, headings[1].BodyStart));
        Assert.Equal("body", Text[headings[1].BodyStart..headings[1].End]);
    }

    [Fact]
    public void A_lone_carriage_return_ends_a_line_as_it_does_for_markdig()
    {
        var headings = MarkdownOutline.Parse("intro\r# Old Mac\rtext\r## Second");

        Assert.Equal([("Old Mac", 2, 6), ("Second", 4, 21)], headings.Select(h => (h.Text, h.Line, h.Start)));
    }

    [Fact]
    public void A_last_heading_without_a_line_ending_has_an_empty_body()
    {
        var heading = Assert.Single(MarkdownOutline.Parse("text\n\n## End"));

        Assert.Equal((6, 12, 12), (heading.Start, heading.BodyStart, heading.End));
    }

    [Theory]
    [InlineData("# C#", "C#")]
    [InlineData("## Closed ##", "Closed")]
    [InlineData("### Requirement 1: Use `#` marks #", "Requirement 1: Use `#` marks")]
    [InlineData("#\tTabbed", "Tabbed")]
    [InlineData("# #", "")]
    public void The_heading_text_is_the_source_without_the_opening_and_closing_marks(string line, string text)
    {
        Assert.Equal(text, Assert.Single(MarkdownOutline.Parse(line)).Text);
    }
}
