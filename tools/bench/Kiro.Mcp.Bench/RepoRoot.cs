namespace Kiro.Mcp.Bench;

/// <summary>Finds the repository root (and the shared fixtures beside it), so the benchmark works from any current directory.</summary>
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

    /// <summary>
    /// The Release build of the server, as <c>dotnet build -c Release src/Kiro.Mcp.Server</c> leaves it, or the
    /// dll named by KIRO_BENCH_SERVER_DLL (to measure a copy of an older build against the current one).
    /// </summary>
    public static string ServerDll()
    {
        var dll = Environment.GetEnvironmentVariable("KIRO_BENCH_SERVER_DLL") is { Length: > 0 } chosen ? chosen : Find() is { } root ? Path.Combine(root, "src", "Kiro.Mcp.Server", "bin", "Release", "net10.0", "Kiro.Mcp.Server.dll") : null;
        return dll is not null && File.Exists(dll)
            ? dll
            : throw new BenchSetupException("Build the server first: dotnet build -c Release src/Kiro.Mcp.Server");
    }

    /// <summary>
    /// How the stdio and HTTP benchmarks start the server: the native binary named by KIRO_BENCH_SERVER_BINARY (the
    /// installed tool, what users run; the table sets it for its second pass), else <c>dotnet</c> with <see cref="ServerDll"/>.
    /// </summary>
    public static (string Command, string[] Arguments) Server() =>
        Environment.GetEnvironmentVariable("KIRO_BENCH_SERVER_BINARY") is { Length: > 0 } binary
            ? File.Exists(binary) ? (binary, []) : throw new BenchSetupException($"KIRO_BENCH_SERVER_BINARY={binary} does not exist.")
            : ("dotnet", [ServerDll()]);

    /// <summary>Real Kiro files: ../shared/fixtures/kiro relative to the repository root (a worktree's root included).</summary>
    public static string Fixtures()
    {
        for (var dir = Find() is { } root ? new DirectoryInfo(root) : null; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "kiro");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new BenchSetupException("../shared/fixtures/kiro was not found above the repository root.");
    }
}
