namespace Kiro.Mcp.Specs.Tests;

/// <summary>
/// The real Kiro files in ../shared/fixtures/kiro, read in place at test time (never copied into the repo).
/// </summary>
public static class FixturePaths
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> Files(string fileName) =>
        Directory.EnumerateFiles(Root, fileName, SearchOption.AllDirectories)
            .Where(p => p.Contains($"{Path.DirectorySeparatorChar}specs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> Theory(string fileName)
    {
        var data = new TheoryData<string>();
        foreach (var file in Files(fileName))
        {
            data.Add(Path.GetRelativePath(Root, file));
        }
        return data;
    }

    /// <summary>Copies a fixture folder into a test's temporary workspace (fixtures are read-only).</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

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
