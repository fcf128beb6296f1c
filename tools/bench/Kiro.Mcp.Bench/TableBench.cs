namespace Kiro.Mcp.Bench;

/// <summary>
/// Issue 14's table in one command (tools/bench/run.sh table): every benchmark behind a row, run in turn on this
/// machine, then the rows printed together. Where a row has a reference (server-filesystem's cold start), it is
/// measured in the same run, interleaved.
/// </summary>
internal static class TableBench
{
    public static readonly string[] Options = ["--tool", "--native", "--node-server", "--reference-tool", "--dnx-feed", "--feed", "--tool-path", "--reference-tool-path", "--installed-binary", "--seconds", "--solutions", "--steering-runs"];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var seconds = args.Positive("--seconds", 15).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var steps = new (string Name, Func<Task<int>> Run)[]
        {
            ("toolsize", ToolListBench.RunAsync),
            ("pathological (tasks.md parse)", () => PathologicalBench.RunAsync(BenchArgs.Parse(["--steps", "p", "--max-tasks", "8000"], PathologicalBench.Options))),
            ("latency (stdio, 2,000 tasks)", () => LatencyBench.RunAsync(BenchArgs.Parse(["--transport", "stdio", "--tasks", "2000", "--iterations", "100"], LatencyBench.Options))),
            ("load (200 sessions, 200 tasks)", () => LoadBench.RunAsync(BenchArgs.Parse(["--sessions", "200", "--tasks", "200", "--seconds", seconds], LoadBench.Options))),
            ("load (200 sessions, 2,000 tasks)", () => LoadBench.RunAsync(BenchArgs.Parse(["--sessions", "200", "--requirements", "500", "--tasks", "2000", "--seconds", seconds], LoadBench.Options))),
            ("steering_generate against a bare OpenSolutionAsync", () => SteeringRows.RunAsync(
                (args.String("--solutions") ?? "generated").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                args.Positive("--steering-runs", 3))),
        };
        foreach (var (name, run) in steps)
        {
            Console.WriteLine($"== {name}");
            if (await run() != 0)
            {
                return 1;
            }
            Console.WriteLine();
        }
        if (args.String("--installed-binary") is { } binary)
        {
            // The build users run: the stdio and HTTP rows again on the installed tool, native where clang linked it (the rows above ran the
            // JIT build, as every earlier figure of these rows did, so before and after stay comparable).
            Environment.SetEnvironmentVariable("KIRO_BENCH_SERVER_BINARY", binary);
            BenchTable.Pass = ", installed tool";
            try
            {
                (string Name, Func<Task<int>> Run)[] served =
                [
                    ("latency (stdio, 2,000 tasks)", () => LatencyBench.RunAsync(BenchArgs.Parse(["--transport", "stdio", "--tasks", "2000", "--iterations", "100", "--in-process", "no"], LatencyBench.Options))),
                    .. steps.Where(s => s.Name.StartsWith("load", StringComparison.Ordinal)),
                ];
                foreach (var (name, run) in served)
                {
                    Console.WriteLine($"== {name}, installed tool");
                    if (await run() != 0)
                    {
                        return 1;
                    }
                    Console.WriteLine();
                }
            }
            finally
            {
                Environment.SetEnvironmentVariable("KIRO_BENCH_SERVER_BINARY", null);
                BenchTable.Pass = "";
            }
        }
        if (args.String("--tool") is not null)
        {
            Console.WriteLine("== coldstart");
            var cold = new List<string>();
            foreach (var option in new[] { "--tool", "--native", "--node-server", "--reference-tool", "--dnx-feed" })
            {
                if (args.String(option) is { } value)
                {
                    cold.AddRange([option, value]);
                }
            }
            if (await ColdStartBench.RunAsync(BenchArgs.Parse([.. cold], ColdStartBench.Options)) != 0)
            {
                return 1;
            }
            Console.WriteLine();
        }
        if (args.String("--feed") is { } feed)
        {
            PackageSizes.Record(feed, args.String("--tool-path"), args.String("--reference-tool-path"));
        }
        Console.WriteLine("== the table");
        BenchTable.Print();
        return 0;
    }
}
