using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Tests.Documents;

public class BugfixSyntaxTests
{
    [Fact]
    public void A_clause_wrapped_onto_several_lines_keeps_its_first_line_and_its_whole_text()
    {
        var document = RequirementsParser.ParseBugfix("### Current Behavior (Defect)\n\n1.1 WHEN the user saves\ntwice quickly THEN the system\nstores two copies\n\n```\n1.2 WHEN inside a fence THEN ignored\n```\n");

        var clause = Assert.Single(Assert.Single(document.Requirements).Criteria);
        Assert.Equal(("1.1", 3), (clause.Id, clause.Line));
        Assert.Equal("WHEN the user saves twice quickly THEN the system stores two copies", clause.Text);
    }
}
