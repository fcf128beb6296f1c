using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis.MSBuild;

namespace Kiro.Mcp.SteeringBench;

/// <summary>
/// The reference for steering_generate: a bare Roslyn <c>MSBuildWorkspace.OpenSolutionAsync</c> of the same solution,
/// run in a fresh process of its own (so it pays the same JIT and build-host start), printing its milliseconds.
/// </summary>
internal static class BareOpen
{
    public static async Task<int> RunAsync(string solution)
    {
        var watch = Stopwatch.StartNew();
        using var workspace = MSBuildWorkspace.Create();
        var opened = await workspace.OpenSolutionAsync(solution);
        var documents = opened.Projects.Sum(p => p.DocumentIds.Count);
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalMilliseconds:F0} {opened.ProjectIds.Count} {documents}"));
        return 0;
    }

    /// <summary>Starts this program with --bare-open and returns its milliseconds.</summary>
    public static async Task<double> TimeInChildAsync(string solution)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(BareOpen).Assembly.Location, "--bare-open", solution })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        _ = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return double.Parse(output.Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
