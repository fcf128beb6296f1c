using System.Globalization;
using System.Runtime.InteropServices;

namespace Kiro.Mcp.Bench;

/// <summary>
/// Warm tool latency on one large generated spec, over stdio and over HTTP: each transport gets its own
/// server process and its own fresh workspace (the task loop consumes tasks).
/// </summary>
internal static class LatencyBench
{
    private const int WarmUp = 20;

    public static readonly string[] Options = ["--transport", "--requirements", "--tasks", "--iterations", "--runs", "--in-process"];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var requirements = args.Positive("--requirements", 500);
        var tasks = args.Positive("--tasks", 2000);
        var iterations = args.Positive("--iterations", 200);
        var runs = args.Positive("--runs", 1500);
        var transports = (args.String("--transport") ?? "both") switch
        {
            "both" => new[] { "stdio", "http" },
            "stdio" => ["stdio"],
            "http" => ["http"],
            "none" => [],
            var other => throw new ArgumentException($"--transport is stdio, http, both or none (the in-process part only), not '{other}'"),
        };
        // Warm-up consumes the first leaf tasks, so the measured task loop needs its own untouched ones after them.
        if (tasks < WarmUp + (3 * iterations))
        {
            throw new ArgumentException($"--tasks must be at least {WarmUp + (3 * iterations)} (warm-up {WarmUp} + iterations {iterations} for the task loop, {iterations} for task_set_status and {iterations} for task_complete without verification).");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requirements={requirements}  criteria={requirements * SpecGenerator.CriteriaPerRequirement}  tasks={tasks} (+{(tasks + SpecGenerator.TasksPerGroup - 1) / SpecGenerator.TasksPerGroup} groups)"));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"iterations={iterations}  warm-up={WarmUp} calls per tool");
        foreach (var transport in transports)
        {
            Console.WriteLine();
            Console.WriteLine($"[{transport}]");
            await RunTransportAsync(transport, requirements, tasks, iterations);
        }
        Console.WriteLine();
        Console.WriteLine("task_next* = task_next inside the next/start/complete loop, while the board changes.");
        // "--in-process no": the server's process only (the table's pass on the installed tool, whose in-process part is this bench's).
        if (args.String("--in-process") != "no")
        {
            await TaskLoopBench.RunAsync(requirements, tasks, iterations, Math.Min(runs, tasks));
        }
        return 0;
    }

    private static async Task RunTransportAsync(string transport, int requirements, int tasks, int iterations)
    {
        var workspace = Directory.CreateTempSubdirectory("kiro-mcp-bench-");
        try
        {
            var leafIds = SpecGenerator.Write(workspace.FullName, requirements, tasks);
            // Trusted for this run only: task_complete runs the verification command (`true`) only in a trusted workspace.
            await using var server = await ServerProcess.StartAsync(transport, workspace.FullName, ["--trust"]);
            var client = server.Client;
            var spec = ToolCalls.Spec(SpecGenerator.SpecName);

            // Warm-up: JIT, caches and the first verification process launch stay out of the measured samples.
            for (var i = 0; i < WarmUp; i++)
            {
                await ToolCalls.CallAsync(client, "spec_status", spec);
                await ToolCalls.CallAsync(client, "spec_validate", spec);
                await ToolCalls.CallAsync(client, "task_next", spec);
                await ToolCalls.CallAsync(client, "task_start", ToolCalls.Task(SpecGenerator.SpecName, leafIds[i]));
                await ToolCalls.CallAsync(client, "task_complete", ToolCalls.Task(SpecGenerator.SpecName, leafIds[i]));
            }

            var status = new Samples("spec_status");
            var validate = new Samples("spec_validate");
            var next = new Samples("task_next");
            var nextInLoop = new Samples("task_next*");
            var start = new Samples("task_start");
            var complete = new Samples("task_complete");

            for (var i = 0; i < iterations; i++)
            {
                await ToolCalls.CallAsync(client, "spec_status", spec, status);
            }
            // Validation parses and cross-checks all three documents, so fewer samples keep the run short.
            for (var i = 0; i < Math.Max(1, iterations / 4); i++)
            {
                await ToolCalls.CallAsync(client, "spec_validate", spec, validate);
            }
            for (var i = 0; i < iterations; i++)
            {
                await ToolCalls.CallAsync(client, "task_next", spec, next);
            }
            // The agent's loop: ask what is next, start it, finish it; every step rewrites tasks.md.
            foreach (var id in leafIds.Skip(WarmUp).Take(iterations))
            {
                await ToolCalls.CallAsync(client, "task_next", spec, nextInLoop);
                await ToolCalls.CallAsync(client, "task_start", ToolCalls.Task(SpecGenerator.SpecName, id), start);
                await ToolCalls.CallAsync(client, "task_complete", ToolCalls.Task(SpecGenerator.SpecName, id), complete);
            }

            // task_set_status on tasks nobody touched yet: one status character each, as an editor's checkbox would.
            var setStatus = new Samples("task_set_status");
            foreach (var id in leafIds.Skip(WarmUp + iterations).Take(iterations))
            {
                await ToolCalls.CallAsync(client, "task_set_status", new Dictionary<string, object?> { ["spec"] = SpecGenerator.SpecName, ["taskId"] = id, ["status"] = "queued" }, setStatus);
            }

            // The goal excludes the verification command: the same pair once more, task_complete with verify: false.
            var completeUnverified = new Samples("task_complete (verify: false)");
            foreach (var id in leafIds.Skip(WarmUp + (2 * iterations)).Take(iterations))
            {
                await ToolCalls.CallAsync(client, "task_start", ToolCalls.Task(SpecGenerator.SpecName, id));
                await ToolCalls.CallAsync(client, "task_complete", new Dictionary<string, object?> { ["spec"] = SpecGenerator.SpecName, ["taskId"] = id, ["verify"] = false }, completeUnverified);
            }

            foreach (var samples in new[] { status, validate, next, nextInLoop, start, complete, setStatus, completeUnverified })
            {
                Console.WriteLine(samples.Summary());
            }
            BenchTable.Record($"task_start / task_complete / task_set_status, {tasks:N0}-task spec ({transport}, median)",
                string.Create(CultureInfo.InvariantCulture, $"{start.Median:F1} / {complete.Median:F1} ({completeUnverified.Median:F1} unverified) / {setStatus.Median:F1} ms"), string.Create(CultureInfo.InvariantCulture, $"task_next {next.Median:F1} ms"));
        }
        finally
        {
            TempFolder.Delete(workspace);
        }
    }
}
