namespace Kiro.Mcp.Steering.Tests;

/// <summary>
/// The steering files of both corpora (tests/Corpus/kiro, and ../shared/fixtures/kiro when it is beside
/// the repository), read in place at test time.
/// </summary>
public static class FixturePaths
{
    /// <summary>(corpus, path relative to it) of every steering file.</summary>
    public static TheoryData<string, string> SteeringFiles() => KiroFixtures.Each(corpus => corpus.Files("*.md", "steering"));

    public static string Read(string corpus, string relative) => KiroFixtures.Named(corpus).Read(relative);
}
