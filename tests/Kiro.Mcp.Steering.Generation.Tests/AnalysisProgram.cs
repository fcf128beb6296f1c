namespace Kiro.Mcp.Steering.Generation.Tests;

/// <summary>The built analysis program (src/Kiro.Mcp.Analysis), in the configuration of these tests.</summary>
internal static class AnalysisProgram
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var dir = baseDir; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Kiro.Mcp.sln")))
            {
                var dll = System.IO.Path.Combine(dir.FullName, "src", "Kiro.Mcp.Analysis", "bin", baseDir.Parent!.Name, baseDir.Name, "Kiro.Mcp.Analysis.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the analysis program first: " + dll);
            }
        }
        throw new InvalidOperationException("Kiro.Mcp.sln not found above " + AppContext.BaseDirectory);
    }
}
