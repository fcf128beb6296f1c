using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.Bench;

/// <summary>
/// HTTP under load: many stateful sessions on one server on 127.0.0.1, each calling read tools in a loop
/// for a fixed time. Reports throughput, latency and the server's resident memory (sampled from /proc).
/// Client and server share the machine, as they would on a developer's box.
/// </summary>
internal static class LoadBench
{
    public static readonly string[] Options = ["--sessions", "--seconds", "--requirements", "--tasks", "--stateless"];

    private static readonly string[] ReadTools = ["spec_list", "spec_status", "task_next", "spec_read", "task_list"];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var sessions = args.Positive("--sessions", 50);
        var seconds = args.Positive("--seconds", 30);
        var requirements = args.Positive("--requirements", 50);
        var tasks = args.Positive("--tasks", 200);
        var stateless = (args.String("--stateless") ?? "false") == "true";
        var workspace = Directory.CreateTempSubdirectory("kiro-mcp-load-");
        try
        {
            SpecGenerator.Write(workspace.FullName, requirements, tasks);
            await using var server = await ServerProcess.StartHttpAsync(workspace.FullName, stateless ? ["--stateless"] : []);
            var pid = server.HttpProcess!.Id;
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            Console.WriteLine($"sessions={sessions}  seconds={seconds}  {(stateless ? "stateless" : "stateful")} HTTP on {server.Endpoint}");
            Console.WriteLine($"spec: {requirements} requirements, {tasks} tasks; each session cycles {string.Join(", ", ReadTools)}");
            var idleRss = ProcessMemory.ResidentMegabytes(pid);

            var clients = new List<McpClient>();
            try
            {
                for (var i = 0; i < sessions; i++)
                {
                    clients.Add(await ServerProcess.ConnectAsync(server.Endpoint!, $"load-{i}"));
                }
                var connectedRss = ProcessMemory.ResidentMegabytes(pid);

                // One unmeasured call per tool and session: JIT and first parses stay out of the numbers.
                await Task.WhenAll(clients.Select(async client =>
                {
                    foreach (var tool in ReadTools)
                    {
                        await ToolCalls.CallAsync(client, tool, Arguments(tool));
                    }
                }));

                var warmRss = ProcessMemory.ResidentMegabytes(pid);
                var peakRss = 0.0;
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
                var sampler = Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        peakRss = Math.Max(peakRss, ProcessMemory.ResidentMegabytes(pid) ?? 0);
                        try
                        {
                            await Task.Delay(250, stop.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            break;
                        }
                    }
                });
                var cpuBefore = ProcessCpu.Used(pid);
                var clientBefore = ProcessCpu.Used(Environment.ProcessId);
                var stopwatch = Stopwatch.StartNew();
                var perSession = await Task.WhenAll(clients.Select((client, index) => RunSessionAsync(client, index, stop.Token)));
                stopwatch.Stop();
                var cpuAfter = ProcessCpu.Used(pid);
                var clientAfter = ProcessCpu.Used(Environment.ProcessId);
                await sampler;

                var all = new Samples("all read tools");
                foreach (var samples in perSession)
                {
                    all.AddRange(samples);
                }
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"throughput   {all.Count / stopwatch.Elapsed.TotalSeconds,8:F0} calls/s  ({all.Count} calls in {stopwatch.Elapsed.TotalSeconds:F1} s)"));
                Console.WriteLine(all.Summary());
                if (cpuBefore is { } before && cpuAfter is { } after && all.Count > 0)
                {
                    var perCall = (after - before).TotalMilliseconds / all.Count;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"server CPU   {perCall:F2} ms per call (user + system; the server alone on {Environment.ProcessorCount} free cores would cap at {Environment.ProcessorCount * 1000 / perCall:F0} calls/s)"));
                }
                if (clientBefore is { } clientStart && clientAfter is { } clientEnd && all.Count > 0)
                {
                    // The client shares the cores: with the server's, this is what a call costs the machine.
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"client CPU   {(clientEnd - clientStart).TotalMilliseconds / all.Count:F2} ms per call (this process: {sessions} official C# clients over HTTP)"));
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"server RSS   idle {idleRss:F0} MB, {sessions} sessions connected {connectedRss:F0} MB, after the first calls {warmRss:F0} MB, peak under load {peakRss:F0} MB"));
                BenchTable.Record($"HTTP, {sessions} sessions on a {tasks:N0}-task spec", string.Create(CultureInfo.InvariantCulture,
                    $"{all.Count / stopwatch.Elapsed.TotalSeconds:F0} calls/s, peak {peakRss:F0} MB{(cpuBefore is { } b && cpuAfter is { } a && all.Count > 0 ? $", server CPU {(a - b).TotalMilliseconds / all.Count:F2} ms/call" : "")}"));
            }
            finally
            {
                foreach (var client in clients)
                {
                    await client.DisposeAsync();
                }
            }
            return 0;
        }
        finally
        {
            TempFolder.Delete(workspace);
        }
    }

    /// <summary>Calls the read tools round-robin (each session starting at a different one) until time is up.</summary>
    private static async Task<Samples> RunSessionAsync(McpClient client, int index, CancellationToken stop)
    {
        var samples = new Samples("session");
        for (var i = index; !stop.IsCancellationRequested; i++)
        {
            var tool = ReadTools[i % ReadTools.Length];
            try
            {
                await ToolCalls.CallAsync(client, tool, Arguments(tool), samples, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The call in flight when time ran out is not counted.
                break;
            }
        }
        return samples;
    }

    private static Dictionary<string, object?> Arguments(string tool) => tool switch
    {
        "spec_list" => [],
        "spec_read" => new() { ["spec"] = SpecGenerator.SpecName, ["document"] = "design" },
        "task_list" => new() { ["spec"] = SpecGenerator.SpecName, ["limit"] = 20 },
        _ => ToolCalls.Spec(SpecGenerator.SpecName),
    };
}
