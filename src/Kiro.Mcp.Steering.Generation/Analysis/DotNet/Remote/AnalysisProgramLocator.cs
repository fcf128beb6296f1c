using System.Diagnostics;

namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;

/// <summary>
/// Finds the analysis program (Kiro.Mcp.Analysis, which carries Roslyn and MSBuild so that the server does not):
/// a path the user set in <see cref="EnvironmentVariable"/>; else beside the server (a dev build puts it in
/// <c>analysis/</c>); else in the per-user cache; else installs the matching version of the tool package into
/// that cache from the user's NuGet feeds. Never from the workspace: a repository must not be able to plant the
/// program the server starts, so no candidate path depends on it, and the install runs in the cache folder,
/// where a workspace's nuget.config cannot redirect it to another feed.
/// </summary>
/// <param name="version">The server's version; the analysis package is released in lock-step with it.</param>
/// <param name="serverFolder">The folder of the server's own files.</param>
/// <param name="cacheFolder">The per-user folder for installed versions (&lt;data&gt;/kiro-mcp/analysis); null for none.</param>
/// <param name="install">Installs version into a tool path and returns null, or an error message; null to never install.</param>
public sealed class AnalysisProgramLocator(
    string version, string serverFolder, string? cacheFolder, Func<string, string, CancellationToken, Task<string?>>? install, Action<string>? log = null)
{
    public const string EnvironmentVariable = "KIRO_MCP_ANALYSIS";
    public const string PackageId = "Kiro.Mcp.Analysis";
    public const string FileName = "Kiro.Mcp.Analysis.dll";

    // One install at a time in this process, whichever workspace asks.
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The locator a server uses: its own folder, the user's data folder, the environment variable and a real install.</summary>
    public static AnalysisProgramLocator ForServer(string version, Action<string>? log)
    {
        // DoNotVerify: on a fresh machine the folder may not exist yet (the install creates it); verified, GetFolderPath
        // answers "" and the first install would never run.
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        var cache = string.IsNullOrEmpty(data) ? null : Path.Combine(data, "kiro-mcp", "analysis");
        return new AnalysisProgramLocator(version, AppContext.BaseDirectory, cache, DotNetToolInstallAsync, log)
        {
            ExplicitPath = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } path ? path : null,
        };
    }

    /// <summary>The per-user folder versions are installed into; null for none.</summary>
    public string? CacheFolder => cacheFolder;

    /// <summary>The program the user named in <see cref="EnvironmentVariable"/>: used as it is, never installed.</summary>
    public string? ExplicitPath { get; init; }

    public async Task<AnalysisProgramLocation> LocateAsync(CancellationToken cancellationToken)
    {
        if (ExplicitPath is not null)
        {
            return File.Exists(ExplicitPath)
                ? new AnalysisProgramLocation(Path.GetFullPath(ExplicitPath), null)
                : new AnalysisProgramLocation(null, $"The analysis program {EnvironmentVariable} names ({ExplicitPath}) does not exist.");
        }
        var beside = Path.Combine(serverFolder, "analysis", FileName);
        if (File.Exists(beside))
        {
            return new AnalysisProgramLocation(beside, null);
        }
        if (cacheFolder is null)
        {
            return new AnalysisProgramLocation(null, "The analysis program is not beside the server and there is no per-user folder to install it into.");
        }
        var toolPath = Path.Combine(cacheFolder, version);
        if (FindInToolPath(toolPath) is { } cached)
        {
            return new AnalysisProgramLocation(cached, null);
        }
        if (install is null)
        {
            return new AnalysisProgramLocation(null, $"The analysis program {PackageId} {version} is not installed.");
        }
        // Two generations at once (two workspaces) install once.
        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (FindInToolPath(toolPath) is { } meanwhile)
            {
                return new AnalysisProgramLocation(meanwhile, null);
            }
            log?.Invoke($"Installing {PackageId} {version} into {toolPath} (first .NET analysis)");
            Directory.CreateDirectory(toolPath);
            var error = await install(toolPath, version, cancellationToken);
            if (FindInToolPath(toolPath) is { } installed)
            {
                log?.Invoke($"Installed {PackageId} {version} into {toolPath}");
                return new AnalysisProgramLocation(installed, $"Installed the analysis program ({PackageId} {version}) into {toolPath} on first use.");
            }
            log?.Invoke($"Could not install {PackageId} {version}: {error}");
            return new AnalysisProgramLocation(null, $"The analysis program ({PackageId} {version}) could not be installed into {toolPath}: {error ?? "the package holds no program"}.");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>The program inside a <c>dotnet tool install --tool-path</c> folder (under .store/&lt;id&gt;/&lt;version&gt;/…/tools/&lt;tfm&gt;/any/).</summary>
    internal static string? FindInToolPath(string toolPath)
    {
        var store = Path.Combine(toolPath, ".store");
        return Directory.Exists(store)
            ? Directory.EnumerateFiles(store, FileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    /// <summary><c>dotnet tool install Kiro.Mcp.Analysis --version V --tool-path P</c>, run in P so that only the user's NuGet configuration applies.</summary>
    private static async Task<string?> DotNetToolInstallAsync(string toolPath, string version, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotNetHost.Path)
        {
            WorkingDirectory = toolPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "tool", "install", PackageId, "--version", version, "--tool-path", toolPath })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return "dotnet tool install took longer than 5 minutes";
        }
        if (process.ExitCode == 0)
        {
            return null;
        }
        var text = (await errors).Trim() is { Length: > 0 } e ? e : (await output).Trim();
        return $"dotnet tool install exited with {process.ExitCode} ({text.Split('\n')[0].Trim()})";
    }
}
