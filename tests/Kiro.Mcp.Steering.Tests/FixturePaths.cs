namespace Kiro.Mcp.Steering.Tests;

/// <summary>The real Kiro steering files in ../shared/fixtures/kiro, read in place at test time (never copied into the repo).</summary>
public static class FixturePaths
{
    public static string Root { get; } = FindRoot();

    public static TheoryData<string> SteeringFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
            .Where(p => p.Contains($"{Path.DirectorySeparatorChar}steering{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file));
        }
        return data;
    }

    public static string Read(string relative) => File.ReadAllText(Path.Join(Root, relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "kiro");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("../shared/fixtures/kiro was not found above " + AppContext.BaseDirectory);
    }
}
