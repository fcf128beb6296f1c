using Kiro.Mcp.Hooks.Definitions;

namespace Kiro.Mcp.Hooks.Tests;

/// <summary>The real hook files in ../shared/fixtures/kiro, read in place at test time (never copied into the repo).</summary>
public static class FixtureHooks
{
    public static string Root => KiroFixtures.Root;

    public static IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "hooks" && HookFileReader.IsHookFile(Path.GetFileName(p)))
            .Select(p => Path.GetRelativePath(Root, p))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files())
        {
            data.Add(file);
        }
        return data;
    }

    public static string Read(string relative) => KiroFixtures.Read(relative);
}
