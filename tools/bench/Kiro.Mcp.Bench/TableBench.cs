namespace Kiro.Mcp.Bench;

/// <summary>
/// Issue 14's table in one command (tools/bench/run.sh table): every benchmark behind a row, run in turn on this
/// machine, then the rows printed together. Where a row has a reference (server-filesystem's cold start), it is
/// measured in the same run, interleaved.
/// </summary>
internal static class TableBench
{
    public static readonly string[] Options = ["--tool", "--native", "--node-server", "--feed", "--tool-path", "--seconds", "--solutions", "--steering-runs"];

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
        if (args.String("--tool") is not null)
        {
            Console.WriteLine("== coldstart");
            var cold = new List<string>();
            foreach (var option in new[] { "--tool", "--native", "--node-server" })
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
            PackageSizes.Record(feed, args.String("--tool-path"));
        }
        Console.WriteLine("== the table");
        BenchTable.Print();
        return 0;
    }
}
