namespace Kiro.Mcp.Specs.Tests;

/// <summary>
/// The real Kiro files in ../shared/fixtures/kiro, read in place at test time (never copied into the repo).
/// </summary>
public static class FixturePaths
{
    public static string Root => KiroFixtures.Root;

    /// <summary>Full paths of the spec files named <paramref name="fileName"/>.</summary>
    public static IEnumerable<string> Files(string fileName) =>
        KiroFixtures.Files(fileName, "specs").Select(p => Path.Join(Root, p));

    public static TheoryData<string> Theory(string fileName) => [.. KiroFixtures.Files(fileName, "specs")];
}
