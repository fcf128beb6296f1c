namespace Kiro.Mcp.Tests.Shared;

/// <summary>
/// The real Kiro files in ../shared/fixtures/kiro (beside the repository), read in place at test time and
/// never copied into the repo. Linked into every test project by tests/Directory.Build.props.
/// </summary>
internal static class KiroFixtures
{
    public static string Root { get; } = FindRoot();

    /// <summary>Fixture files named like <paramref name="pattern"/> inside a folder called <paramref name="folder"/>, relative to <see cref="Root"/>, in a stable order.</summary>
    public static IEnumerable<string> Files(string pattern, string folder) =>
        Directory.EnumerateFiles(Root, pattern, SearchOption.AllDirectories)
            .Where(p => p.Contains($"{Path.DirectorySeparatorChar}{folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Root, p))
            .Order(StringComparer.Ordinal);

    public static string Read(string relative) => File.ReadAllText(Path.Join(Root, relative));

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
