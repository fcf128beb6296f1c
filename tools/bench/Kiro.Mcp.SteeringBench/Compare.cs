using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.SteeringBench;

/// <summary>
/// steering_generate cold (a new trusted server per run, force, the call's time) against a bare Roslyn
/// OpenSolutionAsync of the same solution in a new process, interleaved run by run so both see the same machine.
/// The repository holding the solution is cloned into a temp folder first (the documents are written into
/// .kiro/steering, and the server runs trusted: never in the repository given); "generated" measures a generated
/// layered solution instead (<see cref="LargeSolution"/>). The last line is the medians and their ratio, which
/// Kiro.Mcp.Bench's table reads.
/// </summary>
internal static class Compare
{
    public const string Generated = "generated";

    public static async Task<int> RunAsync(string serverDll, string solutionOrGenerated, int runs, (int Projects, int Files) generated, Func<string, string, bool, Task<McpClient>> connect)
    {
        var copy = Directory.CreateTempSubdirectory("kiro-mcp-steering-compare-");
        try
        {
            string solution;
            if (solutionOrGenerated == Generated)
            {
                var files = LargeSolution.Write(copy.FullName, generated.Projects, generated.Files);
                solution = Path.Combine(copy.FullName, "Big.sln");
                Console.WriteLine($"generated: {generated.Projects} projects, {files} C# files");
            }
            else
            {
                var given = Path.GetFullPath(solutionOrGenerated);
                var repository = RepositoryOf(given) ?? throw new InvalidOperationException($"'{given}' is not in a git repository.");
                GitCommand.Run(copy.FullName, "clone", "-q", repository, "repo");
                solution = Path.Combine(copy.FullName, "repo", Path.GetRelativePath(repository, given));
            }
            return await RunOnCopyAsync(serverDll, solution, runs, connect);
        }
        finally
        {
            try
            {
                copy.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; the result stands.
            }
        }
    }

    private static string? RepositoryOf(string solution)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(solution)!); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    private static async Task<int> RunOnCopyAsync(string serverDll, string solution, int runs, Func<string, string, bool, Task<McpClient>> connect)
    {
        var root = RepositoryOf(solution)!;
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
