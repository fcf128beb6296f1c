using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// The server packed with <c>dotnet pack</c> and installed with <c>dotnet tool install --tool-path</c>, once
/// per test class, all inside one temp folder: the sources are copied there first, so packing writes no
/// bin/obj into the repository and the NuGet config that installs the tool knows only the packed folder.
/// </summary>
/// <remarks>
/// The project packs a ReadyToRun package for each of several platforms plus a portable "any" package. The
/// test packs this machine's platform and "any" only (ReadyToRunToolPlatforms): it installs and
/// runs only what this machine can run, and compiling for the others would add minutes to every test run.
/// </remarks>
public sealed partial class ToolPackage : IAsyncLifetime
{
    public const string PackageId = "Kiro.Mcp";

    /// <summary>The platforms the project ships ReadyToRun packages for (Kiro.Mcp.Server.csproj).</summary>
    public static readonly string[] ReadyToRunPlatforms = ["linux-x64", "linux-arm64", "osx-arm64", "win-x64"];

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    public string Root { get; private set; } = "";

    public string Feed => Path.Combine(Root, "feed");

    public string ToolPath => Path.Combine(Root, "tool");

    /// <summary>The installed command, as a client's configuration names it.</summary>
    public string Command => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "kiro-mcp.exe" : "kiro-mcp");

    public string Version { get; private set; } = "";

    /// <summary>This machine's platform if the project ships a ReadyToRun package for it, otherwise "any".</summary>
    public string Platform { get; } =
        ReadyToRunPlatforms.Contains(RuntimeInformation.RuntimeIdentifier) ? RuntimeInformation.RuntimeIdentifier : "any";

    /// <summary>The top-level package the installer reads first (it points at the per-platform packages).</summary>
    public string PointerPackage => Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");

    public async ValueTask InitializeAsync()
    {
        Root = Directory.CreateTempSubdirectory("kiro-mcp-pack-").FullName;
        var source = Path.Combine(Root, "source");
        CopySources(RepositoryRoot(), source);

        // "any" is always packed; a platform without a package of its own packs the project's full list.
        List<string> pack = ["pack", Path.Combine(source, "src", "Kiro.Mcp.Server"), "-c", "Release", "-o", Feed, "--disable-build-servers", "-nologo"];
        if (Platform != "any")
        {
            pack.Add($"-p:ReadyToRunToolPlatforms={Platform}");
        }
        await RunAsync("dotnet", pack);
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
    /// <param name="timeout">How long the command may take; default 10 minutes.</param>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
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

    /// <summary>What building src/ needs: the root build files and the projects, without their bin and obj.</summary>
    private static void CopySources(string repository, string target)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "README.md" })
        {
            Directory.CreateDirectory(target);
            File.Copy(Path.Combine(repository, file), Path.Combine(target, file));
        }
        var src = Path.Combine(repository, "src");
        foreach (var file in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }
            var destination = Path.Combine(target, "src", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    [GeneratedRegex(@"^Kiro\.Mcp\.(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PointerName();
}
