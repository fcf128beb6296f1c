namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>The built server, as a client would launch it: <c>dotnet Kiro.Mcp.Server.dll</c>.</summary>
public static class ServerBinary
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Path { get; } = Find("src", "Kiro.Mcp.Server");

    /// <summary>The same server with the conformance suite's reference fixtures added (tests/Kiro.Mcp.Conformance.Host).</summary>
    public static string ConformanceHostPath => Find("tests", "Kiro.Mcp.Conformance.Host");

    /// <summary>How to launch a build of the server: a DLL through <c>dotnet</c>, a native executable (the AOT binary) directly.</summary>
    public static (string Command, string[] Prefix) CommandFor(string binary) =>
        binary.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", [binary]) : (binary, []);

    private static string Find(string folder, string project)
    {
        // The test project builds both first (ProjectReferences); use the same configuration.
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = baseDir.Parent!.Name;
        var dll = System.IO.Path.Combine(RepositoryRoot, folder, project, "bin", configuration, baseDir.Name, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first: " + dll);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Kiro.Mcp.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Kiro.Mcp.sln not found above " + AppContext.BaseDirectory);
    }
}
