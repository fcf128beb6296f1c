namespace Kiro.Mcp.Bench;

/// <summary>Finds the repository root, so the benchmark works from any current directory.</summary>
internal static class RepoRoot
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiro.Mcp.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
