using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Tests.Documents;

public class DesignParserTests
{
    [Fact]
    public void A_property_mentioned_in_a_list_or_in_prose_is_not_a_property()
    {
        var document = DesignParser.Parse("## Testing Strategy\n\n1. **Property 1**: generate configs\n- Property 2: also a reference\n\nWe test Property 3 with Hypothesis.\n");

        Assert.Empty(document.Properties);
    }

    [Fact]
    public void Only_a_line_that_starts_with_validates_is_a_validates_line()
    {
        var document = DesignParser.Parse("### Property 1: Bounded\n\nThe tool validates its input against requirement 4.4.\n\n**Validates: Requirements 1.1, 1.2**\n");

        var property = Assert.Single(document.Properties);
        Assert.Equal(["1.1", "1.2"], property.Validates);
        Assert.Equal(5, property.ValidatesLine);
    }

    [Fact]
    public void A_property_under_a_heading_stops_at_the_next_heading_of_its_level()
    {
        var document = DesignParser.Parse("### Property 1: First\n\n#### Detail\n\n**Validates: Requirements 1.1**\n\n### Property 2: Second\n\n## Error Handling\n\n**Validates: Requirements 9.9**\n");

        Assert.Equal(["1", "2"], document.Properties.Select(p => p.Number));
        Assert.Equal(["1.1"], document.Properties[0].Validates);
        Assert.Equal(5, document.Properties[0].ValidatesLine);
        Assert.Empty(document.Properties[1].Validates);
        Assert.Equal(0, document.Properties[1].ValidatesLine);
    }
}
