namespace Kiro.Mcp.Specs.Tests;

public class FixturePathsTests
{
    [Fact]
    public void The_shared_fixtures_hold_every_kind_of_spec_document()
    {
        Assert.NotEmpty(FixturePaths.Files("requirements.md"));
        Assert.NotEmpty(FixturePaths.Files("bugfix.md"));
        Assert.NotEmpty(FixturePaths.Files("design.md"));
        Assert.NotEmpty(FixturePaths.Files("tasks.md"));
    }
}
