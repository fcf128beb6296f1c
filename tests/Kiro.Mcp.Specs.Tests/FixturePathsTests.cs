namespace Kiro.Mcp.Specs.Tests;

public class FixturePathsTests
{
    [Theory]
    [MemberData(nameof(KiroFixtures.Corpora), MemberType = typeof(KiroFixtures))]
    public void Each_corpus_holds_every_kind_of_spec_document(string corpus)
    {
        var fixtures = KiroFixtures.Named(corpus);
        Assert.NotEmpty(FixturePaths.Files(fixtures, "requirements.md"));
        Assert.NotEmpty(FixturePaths.Files(fixtures, "bugfix.md"));
        Assert.NotEmpty(FixturePaths.Files(fixtures, "design.md"));
        Assert.NotEmpty(FixturePaths.Files(fixtures, "tasks.md"));
        Assert.NotEmpty(fixtures.Files(".config.kiro", "specs"));
    }
}
