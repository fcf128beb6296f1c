using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// The server packed with <c>tools/pack.sh</c> (as a release packs it) and installed with <c>dotnet tool install
/// --tool-path</c>, once for the tests of <see cref="InstalledToolCollection"/>, all inside one temp folder: the
/// sources are copied there first, so packing writes no bin/obj into the repository and the NuGet config that
/// installs the tool knows only the packed folder.
/// </summary>
/// <remarks>
/// The project ships a package per platform plus a portable "any" package. The test packs this machine's platform
/// and "any" only: it installs and runs only what this machine can run. On Linux with clang (which .ci/run installs)
/// the platform package is the Native AOT binary, which <see cref="NativeAotTests"/> drive too, so CI compiles it once;
/// elsewhere it is ReadyToRun and the native tests skip.
/// </remarks>
public sealed partial class ToolPackage : IAsyncLifetime
{
    public const string PackageId = "Kiro.Mcp";

    /// <summary>The platforms the project ships packages of their own for (ToolPackageRuntimeIdentifiers in Kiro.Mcp.Server.csproj).</summary>
    public static readonly string[] Platforms = ["linux-x64", "linux-arm64", "osx-arm64", "win-x64"];

    /// <summary>A native compile takes a few minutes on 2 idle cores, far longer on a loaded machine.</summary>
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(30);

    public string Root { get; private set; } = "";

    public string Feed => Path.Combine(Root, "feed");

    public string ToolPath => Path.Combine(Root, "tool");

    /// <summary>The installed command, as a client's configuration names it.</summary>
    public string Command => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "kiro-mcp.exe" : "kiro-mcp");

    public string Version { get; private set; } = "";

    /// <summary>This machine's platform if the project ships a package for it, otherwise "any".</summary>
    public string Platform { get; } =
        Platforms.Contains(RuntimeInformation.RuntimeIdentifier) ? RuntimeInformation.RuntimeIdentifier : "any";

    /// <summary>Whether the platform package is the Native AOT binary: on Linux, where a clang links it.</summary>
    public bool Native { get; } = OperatingSystem.IsLinux() && Platforms.Contains(RuntimeInformation.RuntimeIdentifier) && FindClang() is not null;

    /// <summary>Why <see cref="Native"/> is false here, for the tests that need the native binary.</summary>
    public string NativeSkipReason { get; } = OperatingSystem.IsLinux()
        ? "No C/C++ linker (clang) is installed, which Native AOT needs to link: apt-get install clang (.ci/run does)."
        : $"The Native AOT package is built and tested on Linux here (this is {RuntimeInformation.RuntimeIdentifier}).";

    /// <summary>The installed platform package's folder, where the installer extracted it.</summary>
    public string InstalledPlatformFolder =>
        Path.Combine(ToolPath, ".store", PackageId.ToLowerInvariant(), Version, $"{PackageId.ToLowerInvariant()}.{Platform}", Version);

    /// <summary>The top-level package the installer reads first (it points at the per-platform packages).</summary>
    public string PointerPackage => Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");

    public async ValueTask InitializeAsync()
    {
        Root = Directory.CreateTempSubdirectory("kiro-mcp-pack-").FullName;
        var source = Path.Combine(Root, "source");
        CopySources(RepositoryRoot(), source);

        // The pointer package, this platform's package and "any", the way a release packs them.
        List<string> pack = [Path.Combine(source, "tools", "pack.sh"), Feed, "any"];
        if (Platform != "any")
        {
            pack.Add(Platform);
        }
        await RunAsync("bash", pack, environment: new Dictionary<string, string> { ["KIRO_PACK_NATIVE"] = Native ? "1" : "0" });
        Version = Directory.EnumerateFiles(Feed, "*.nupkg")
            .Select(p => PointerName().Match(Path.GetFileName(p)))
            .Single(m => m.Success)
            .Groups["version"].Value;

        // No feed but the packed folder: the install must come from what was just packed.
        var config = Path.Combine(Root, "nuget.config");
        await File.WriteAllTextAsync(config, """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /></packageSources></configuration>
            """);
        await RunAsync("dotnet", ["tool", "install", PackageId, "--version", Version, "--tool-path", ToolPath, "--add-source", Feed, "--configfile", config]);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a handle for a moment; the OS cleans temp folders.
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs a command to completion; a non-zero exit fails with everything it printed.</summary>
    /// <param name="timeout">How long the command may take; default 30 minutes.</param>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        // A build server started by the test's build (MSBuild nodes, the compiler server) may not outlive it.
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // No MSBuild node or compiler server may outlive the test.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? CommandTimeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var output = await stdout + await stderr;
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{fileName} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{output}");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kiro.Mcp.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Kiro.Mcp.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// What packing needs: the root build files, tools/pack.sh and the projects, without their bin and obj, and without
    /// the front end's node_modules (hundreds of MB): its bundles (Web/dist) come along, and so does the stamp that
    /// says npm ci ran, with every file's time kept, so the copy's build sees them up to date and runs no npm.
    /// </summary>
    private static void CopySources(string repository, string target)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "README.md", Path.Combine("tools", "pack.sh") })
        {
            Copy(Path.Combine(repository, file), Path.Combine(target, file));
        }
        var src = Path.Combine(repository, "src");
        foreach (var file in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj") || (parts.Contains("node_modules") && parts[^1] != ".installed-by-msbuild"))
            {
                continue;
            }
            Copy(file, Path.Combine(target, "src", relative));
        }
    }

    private static void Copy(string file, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(file, destination);
        File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(file));
    }

    /// <summary>clang on PATH, else a clang-N (Debian installs clang-14 without the plain name); tools/pack.sh looks the same way.</summary>
    private static string? FindClang()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return path.Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "clang*"))
            .Select(Path.GetFileName)
            .FirstOrDefault(name => name == "clang" || ClangVersioned().IsMatch(name!));
    }

    [GeneratedRegex(@"^clang-[0-9]+$")]
    private static partial Regex ClangVersioned();

    [GeneratedRegex(@"^Kiro\.Mcp\.(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PointerName();
}
