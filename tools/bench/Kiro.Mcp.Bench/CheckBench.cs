using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Kiro.Mcp.Bench;

/// <summary>
/// <c>kiro-mcp check</c> as CI runs it: a fresh process per run, cold wall time from spawn to exit (start-up included),
/// on a workspace with no specs (start-up alone), one 500-requirement / 2,000-task spec, and 50 specs of 40 tasks.
/// Workspaces take turns run by run, so a slow moment on the machine falls on all of them alike.
/// </summary>
internal static class CheckBench
{
    public static readonly string[] Options = ["--runs"];

    private static readonly string[] Gates = ["--require-approved", "--drift", "--coverage", "--format", "sarif"];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var runs = args.Positive("--runs", 10);
        var root = Directory.CreateTempSubdirectory("kiro-mcp-check-bench-");
        try
        {
            var empty = Directory.CreateDirectory(Path.Combine(root.FullName, "empty", ".kiro", "specs")).Parent!.Parent!.FullName;
            var big = Path.Combine(root.FullName, "big");
            SpecGenerator.Write(big, requirements: 500, tasks: 2000);
            var many = ManySpecs(Path.Combine(root.FullName, "many"), specs: 50, requirements: 10, tasks: 40);

            var cases = new (string Name, string Workspace, string[] Extra)[]
            {
                ("no specs (start-up)", empty, []),
                ("1 spec, 500 req / 2,000 tasks", big, []),
                ("  + all gates, SARIF", big, Gates),
                ("50 specs, 40 tasks each", many, []),
                ("  + all gates, SARIF", many, Gates),
            };
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            Console.WriteLine($"runs={runs} per case (after one unmeasured run each), interleaved; dotnet {RepoRoot.ServerDll()} check");
            Console.WriteLine();
            var samples = cases.Select(c => new Samples(c.Name)).ToArray();
            for (var run = -1; run < runs; run++)
            {
                for (var i = 0; i < cases.Length; i++)
                {
                    var elapsed = await RunCheckAsync(cases[i].Workspace, cases[i].Extra);
                    if (run >= 0)
                    {
                        samples[i].Add(elapsed);
                    }
                }
            }
            Console.WriteLine($"{"case",-32} {"median",10} {"p95",10} {"over start-up",14}");
            foreach (var sample in samples)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{sample.Name,-32} {sample.Median,7:F0} ms {sample.P95,7:F0} ms {sample.Median - samples[0].Median,11:F0} ms"));
            }
            return 0;
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    private static string ManySpecs(string workspace, int specs, int requirements, int tasks)
    {
        var staging = Path.Combine(workspace, "staging");
        Directory.CreateDirectory(Path.Combine(workspace, ".kiro", "specs"));
        for (var i = 1; i <= specs; i++)
        {
            SpecGenerator.Write(staging, requirements, tasks);
            Directory.Move(Path.Combine(staging, ".kiro", "specs", SpecGenerator.SpecName), Path.Combine(workspace, ".kiro", "specs", $"spec-{i:D2}"));
        }
        Directory.Delete(staging, recursive: true);
        return workspace;
    }

    private static async Task<TimeSpan> RunCheckAsync(string workspace, string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { RepoRoot.ServerDll(), "check", "--workspace", workspace }.Concat(extra))
        {
            info.ArgumentList.Add(argument);
        }
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new BenchSetupException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = stopwatch.Elapsed;
        await stdout;
        // 1 means findings, which a generated spec may have; 2 means the check could not run.
        if (process.ExitCode is not (0 or 1))
        {
            throw new BenchSetupException($"check exited {process.ExitCode} on {workspace}: {await stderr}");
        }
        return elapsed;
    }
}
