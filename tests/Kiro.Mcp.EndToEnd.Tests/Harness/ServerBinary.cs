namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>The built server, as a client would launch it: <c>dotnet Kiro.Mcp.Server.dll</c>.</summary>
public static class ServerBinary
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        // The test project builds the server first (a ProjectReference); use the same configuration.
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = baseDir.Parent!.Name;
        for (var dir = baseDir; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Kiro.Mcp.sln")))
            {
                var dll = System.IO.Path.Combine(dir.FullName, "src", "Kiro.Mcp.Server", "bin", configuration, baseDir.Name, "Kiro.Mcp.Server.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first: " + dll);
            }
        }
        throw new InvalidOperationException("Kiro.Mcp.sln not found above " + AppContext.BaseDirectory);
    }
}
