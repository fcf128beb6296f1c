using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kiro.Mcp.Bench;

/// <summary>
/// The table's steering_generate row: Kiro.Mcp.SteeringBench's compare mode (steering_generate cold against a bare
/// Roslyn OpenSolutionAsync of the same solution, interleaved run by run) in a child process per solution, its output
/// passed through and its last line read into the table. Each solution is a path to a .sln in a git repository (the
/// bench clones it; issue 14 names serilog's and markdig's) or "generated" (a layered solution it writes).
/// </summary>
internal static partial class SteeringRows
{
    public static async Task<int> RunAsync(IEnumerable<string> solutions, int runs)
    {
        var root = RepoRoot.Find() ?? throw new BenchSetupException("Run from the repository.");
        var bench = Path.Combine(root, "tools", "bench", "Kiro.Mcp.SteeringBench", "bin", "Release", "net10.0", "Kiro.Mcp.SteeringBench.dll");
        if (!File.Exists(bench))
        {
            throw new BenchSetupException("Build it first: dotnet build -c Release tools/bench/Kiro.Mcp.SteeringBench src/Kiro.Mcp.Analysis");
        }
        foreach (var solution in solutions)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { bench, "--compare", solution, "--runs", runs.ToString(CultureInfo.InvariantCulture), "--server", RepoRoot.ServerDll() })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            string? last = null;
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                Console.WriteLine(line);
                last = line;
            }
            await process.WaitForExitAsync();
            var median = last is null ? null : MedianLine().Match(last);
            if (process.ExitCode != 0 || median is not { Success: true })
            {
                Console.Error.WriteLine($"steering compare of {solution} failed (exit {process.ExitCode})");
                return 1;
            }
            var name = solution == "generated" ? "a generated 60-project solution" : Path.GetFileName(solution);
            BenchTable.Record($"steering_generate cold ÷ bare Roslyn OpenSolutionAsync, {name} (median of {runs})",
                $"{median.Groups["ours"].Value} ms: {median.Groups["ratio"].Value}×",
                $"bare OpenSolutionAsync {median.Groups["bare"].Value} ms");
        }
        return 0;
    }

    [GeneratedRegex(@"^median: bare OpenSolutionAsync (?<bare>\d+) ms, steering_generate cold (?<ours>\d+) ms, ratio (?<ratio>[\d.]+)x")]
    private static partial Regex MedianLine();
}
