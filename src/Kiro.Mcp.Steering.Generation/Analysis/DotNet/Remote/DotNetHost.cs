namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;

/// <summary>The dotnet executable that runs the framework-dependent analysis program.</summary>
internal static class DotNetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        // A framework-dependent server runs under dotnet itself; a native one finds it as the SDK does.
        if (Environment.ProcessPath is { } self && string.Equals(System.IO.Path.GetFileName(self), name, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }
        foreach (var variable in new[] { "DOTNET_HOST_PATH", "DOTNET_ROOT" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                var candidate = variable == "DOTNET_ROOT" ? System.IO.Path.Combine(value, name) : value;
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return name;
    }
}
