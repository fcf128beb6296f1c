using System.Runtime.CompilerServices;

namespace Kiro.Mcp.Steering.Generation.Tests;

/// <summary>Reviewed golden files under TestData/; UPDATE_GOLDEN=1 rewrites them from the current output.</summary>
public static class Golden
{
    public static void AssertMatches(string relative, string actual)
    {
        var path = Path.Combine(SourceDirectory(), "TestData", relative);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"No golden file {relative}: run with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
