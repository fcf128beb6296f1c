namespace Kiro.Mcp.Specs.Tests;

/// <summary>
/// The spec files of both corpora (tests/Corpus/kiro, and ../shared/fixtures/kiro when it is beside the
/// repository), read in place at test time.
/// </summary>
public static class FixturePaths
{
    /// <summary>Full paths of the spec files named <paramref name="fileName"/> in <paramref name="corpus"/>.</summary>
    internal static IEnumerable<string> Files(KiroCorpus corpus, string fileName) =>
        corpus.Files(fileName, "specs").Select(corpus.FullPath);

    /// <summary>(corpus, path relative to it) for every spec file named like one of <paramref name="fileNames"/>.</summary>
    public static TheoryData<string, string> Theory(params string[] fileNames) =>
        KiroFixtures.Each(corpus => fileNames.SelectMany(name => corpus.Files(name, "specs")));
}
