namespace Kiro.Mcp.Steering.Tests;

/// <summary>The real Kiro steering files in ../shared/fixtures/kiro, read in place at test time (never copied into the repo).</summary>
public static class FixturePaths
{
    public static string Root => KiroFixtures.Root;

    public static TheoryData<string> SteeringFiles() => [.. KiroFixtures.Files("*.md", "steering")];

    public static string Read(string relative) => KiroFixtures.Read(relative);
}
