using System.Diagnostics;
using System.Globalization;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Bench;

/// <summary>
/// Part of <c>latency</c>. In process, the domain's <see cref="TaskService"/> as the server wires it (one
/// FileStore, one SpecIndex): time and bytes allocated per <c>task_start</c> + <c>task_complete</c> pair
/// (GC.GetTotalAllocatedBytes, precise; verify: false, so no process is started), on the same generated
/// spec. It then completes tasks until the run log holds <c>--runs</c> runs, and times <c>spec_status</c>
/// and <c>task_next</c> over stdio on that workspace and on a copy without its run log.
/// </summary>
internal static class TaskLoopBench
{
    private const int WarmUp = 20;

    public static async Task RunAsync(int requirements, int tasks, int iterations, int runs)
    {
        var workspace = Directory.CreateTempSubdirectory("kiro-mcp-bench-");
        var copy = Directory.CreateTempSubdirectory("kiro-mcp-bench-");
        try
        {
            var leafIds = SpecGenerator.Write(workspace.FullName, requirements, tasks);
            var store = new FileStore(new WorkspaceRoot(workspace.FullName));
            var index = new SpecIndex(store);
            var specs = new SpecService(store, index, TimeProvider.System);
            var board = new TaskService(specs, index, store, new GitHistory(store.Root), new CommandRunner(store.Root),
                new WorkspaceTrust(store.Root, new TrustList(new UserKiroFolder(null)), trustedForThisProcess: true), new NoSteering(), TimeProvider.System);
            var spec = SpecGenerator.SpecName;

            Console.WriteLine();
            Console.WriteLine("[in process: TaskService, verify: false]");
            var time = new Samples("start+complete");
            var allocated = new List<double>();
            var used = 0;
            foreach (var id in leafIds.Take(WarmUp + iterations))
            {
                var bytes = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                await board.StartAsync(spec, id, false, "bench", CancellationToken.None);
                await board.CompleteAsync(spec, id, null, false, "bench", CancellationToken.None);
                watch.Stop();
                if (used++ >= WarmUp)
                {
                    time.Add(watch.Elapsed);
                    allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1048576.0);
                }
            }
            allocated.Sort();
            Console.WriteLine(time.Summary());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"allocated per start+complete  median {allocated[allocated.Count / 2]:F2} MB  max {allocated[^1]:F2} MB  (n={allocated.Count}); gen2 collections so far {GC.CollectionCount(2)}"));
            BenchTable.Record("allocation per task_start + task_complete (in process, median)", string.Create(CultureInfo.InvariantCulture, $"{allocated[allocated.Count / 2]:F2} MB"));

            // More history, unmeasured: the run log grows to --runs runs.
            foreach (var id in leafIds.Skip(used).Take(Math.Max(0, runs - used)))
            {
                await board.StartAsync(spec, id, false, "bench", CancellationToken.None);
                await board.CompleteAsync(spec, id, null, false, "bench", CancellationToken.None);
            }
            var recorded = (await specs.LoadAsync(spec, CancellationToken.None)).Runs.Count;

            // The same calls once the history is long: a call must not cost more because many runs are recorded.
            Console.WriteLine();
            Console.WriteLine($"[in process, with {recorded} runs recorded: each call on its own]");
            var start = new Samples("task_start");
            var complete = new Samples("task_complete");
            var setStatus = new Samples("task_set_status");
            var fresh = leafIds.Skip(Math.Max(used, runs)).ToList();
            foreach (var id in fresh.Take(Math.Min(iterations, fresh.Count / 2)))
            {
                var watch = Stopwatch.StartNew();
                await board.StartAsync(spec, id, false, "bench", CancellationToken.None);
                start.Add(watch.Elapsed);
                watch.Restart();
                await board.CompleteAsync(spec, id, null, false, "bench", CancellationToken.None);
                complete.Add(watch.Elapsed);
            }
            foreach (var id in fresh.Skip(fresh.Count / 2).Take(iterations))
            {
                var watch = Stopwatch.StartNew();
                await board.SetStatusAsync(spec, id, "queued", CancellationToken.None);
                setStatus.Add(watch.Elapsed);
            }
            foreach (var samples in new[] { start, complete, setStatus })
            {
                Console.WriteLine(samples.Summary());
            }
            if (start.Count > 0)
            {
                BenchTable.Record($"task_start / task_complete / task_set_status in process, {recorded:N0} runs recorded (median)",
                    string.Create(CultureInfo.InvariantCulture, $"{start.Median:F1} / {complete.Median:F1} / {setStatus.Median:F1} ms"));
            }
            CopyFolder(workspace.FullName, copy.FullName);
            File.Delete(Path.Combine(copy.FullName, RunLog.PathOf(spec)));

            Console.WriteLine();
            Console.WriteLine($"[stdio: the same board with {recorded} runs in the run log, and a copy without it]");
            var medians = new List<string>();
            foreach (var (label, folder) in new[] { ($"{recorded} runs", workspace.FullName), ("no runs", copy.FullName) })
            {
                await using var server = await ServerProcess.StartStdioAsync(folder);
                var arguments = ToolCalls.Spec(spec);
                foreach (var tool in new[] { "spec_status", "task_next" })
                {
                    for (var i = 0; i < WarmUp; i++)
                    {
                        await ToolCalls.CallAsync(server.Client, tool, arguments);
                    }
                    var samples = new Samples($"{tool} ({label})");
                    for (var i = 0; i < iterations; i++)
                    {
                        await ToolCalls.CallAsync(server.Client, tool, arguments, samples);
                    }
                    Console.WriteLine(samples.Summary());
                    medians.Add(string.Create(CultureInfo.InvariantCulture, $"{samples.Median:F1}"));
                }
            }
            BenchTable.Record($"spec_status / task_next with {recorded:N0} runs in the run log (median)", $"{medians[0]} / {medians[1]} ms", $"without runs {medians[2]} / {medians[3]} ms");
        }
        finally
        {
            TempFolder.Delete(workspace);
            TempFolder.Delete(copy);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
