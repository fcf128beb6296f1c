using System.Runtime.InteropServices;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// The server published as a Native AOT binary (<c>-p:PublishAot=true</c>) for this machine, once per test run
/// and cached beside the test output: a later run whose sources have not changed reuses it. Where no C/C++
/// linker is installed (Native AOT links with clang), <see cref="SkipReason"/> says so and the tests skip;
/// .ci/run installs clang, so CI always runs them.
/// </summary>
public sealed class NativeServer : IAsyncLifetime
{
    /// <summary>A native publish takes a few minutes on 2 idle cores, far longer on a loaded machine.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(30);

    private static readonly string Cache = Path.Combine(AppContext.BaseDirectory, "native-server");

    /// <summary>The binary, or null when it could not be built here (see <see cref="SkipReason"/>).</summary>
    public string? Binary { get; private set; }

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        if (!OperatingSystem.IsLinux())
        {
            SkipReason = $"The Native AOT test runs on Linux (this is {rid}).";
            return;
        }
        if (FindClang() is not { } clang)
        {
            SkipReason = "No C/C++ linker (clang) is installed, which Native AOT needs to link: apt-get install clang (.ci/run does).";
            return;
        }
        var binary = Path.Combine(Cache, "Kiro.Mcp.Server");
        var stamp = binary + ".sources";
        var sources = SourceStamp();
        if (!File.Exists(binary) || !File.Exists(stamp) || await File.ReadAllTextAsync(stamp) != sources)
        {
            await ToolPackage.RunAsync("dotnet",
            [
                "publish", Path.Combine(ServerBinary.RepositoryRoot, "src", "Kiro.Mcp.Server"), "-c", "Release", "-r", rid,
                "-p:PublishAot=true", $"-p:CppCompilerAndLinker={clang}", "-o", Cache, "--disable-build-servers", "-nologo",
            ], PublishTimeout);
            await File.WriteAllTextAsync(stamp, sources);
        }
        Binary = binary;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>clang on PATH, else the newest clang-N (Debian installs clang-14 without the plain name).</summary>
    private static string? FindClang()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        if (path.Any(dir => File.Exists(Path.Combine(dir, "clang"))))
        {
            return "clang";
        }
        return path.Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "clang-*"))
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name!["clang-".Length..], out _))
            .OrderByDescending(name => int.Parse(name!["clang-".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
    }

    /// <summary>What the binary is built from, as names, sizes and times: any change publishes it again.</summary>
    private static string SourceStamp()
    {
        var root = ServerBinary.RepositoryRoot;
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                // The front end's npm packages: what they give the server is its bundles (Web/dist), which count.
                && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }.Select(f => Path.Combine(root, f)))
            .Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f))
            .Select(f => $"{Path.GetRelativePath(root, f.FullName)} {f.Length} {f.LastWriteTimeUtc.Ticks}");
        return string.Join('\n', files);
    }
}
