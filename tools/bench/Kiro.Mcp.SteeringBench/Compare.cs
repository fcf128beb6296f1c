using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.SteeringBench;

/// <summary>
/// steering_generate cold (a new trusted server per run, force, the call's time) against a bare Roslyn
/// OpenSolutionAsync of the same solution in a new process, interleaved run by run so both see the same machine.
/// The repository's folder is used as it is: run it on a copy (the documents are written into .kiro/steering).
/// </summary>
internal static class Compare
{
    public static async Task<int> RunAsync(string serverDll, string solution, int runs, Func<string, string, bool, Task<McpClient>> connect)
    {
        var root = Path.GetDirectoryName(solution)!;
        // The workspace is the repository: the folder holding .git, or the solution's folder.
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                root = dir.FullName;
                break;
            }
        }
        Console.WriteLine($"solution: {solution}; workspace: {root}; server: {serverDll}; machine: {Environment.ProcessorCount} cores");
        var ours = new List<double>();
        var bare = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            bare.Add(await BareOpen.TimeInChildAsync(solution));
            await using (var client = await connect(serverDll, root, true))
            {
                var watch = Stopwatch.StartNew();
                var result = await client.CallToolAsync("steering_generate", new Dictionary<string, object?> { ["force"] = true });
                watch.Stop();
                var structured = result.StructuredContent!.Value;
                if (result.IsError == true)
                {
                    throw new InvalidOperationException(structured.ToString());
                }
                ours.Add(watch.Elapsed.TotalMilliseconds);
                if (run == 0)
                {
                    Console.WriteLine($"dotNetAnalysis={structured.GetProperty("dotNetAnalysis").GetString()} notes={structured.GetProperty("notes")}");
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: bare OpenSolutionAsync {bare[^1]:F0} ms, steering_generate {ours[^1]:F0} ms"));
        }
        var ratio = Median(ours) / Median(bare);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: bare OpenSolutionAsync {Median(bare):F0} ms, steering_generate cold {Median(ours):F0} ms, ratio {ratio:F2}x (n={runs})"));
        return 0;
    }

    private static double Median(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
