using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Steering.Matching;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.Bench;

/// <summary>
/// Hostile inputs, timed: tasks.md parsing at growing sizes (the ratio between sizes shows the growth
/// order: 4x the tasks should cost about 4x the time), <c>task_plan</c> on a chain of tasks that each
/// depend on the previous one, and a <c>fileMatchPattern</c> of thousands of brace alternatives, both
/// in process (time and bytes allocated) and through <c>steering_context</c> on the real server (time
/// and the server's peak RSS). A step that takes longer than <c>--timeout</c> seconds is reported as such.
/// </summary>
internal static class PathologicalBench
{
    public static readonly string[] Options = ["--chain", "--braces", "--timeout", "--max-tasks", "--steps"];

    private static readonly string[] ContextPaths = ["src/a.ts"];

    private static readonly int[] Sizes = [1_000, 2_000, 4_000, 8_000, 20_000, 50_000];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var chain = args.Positive("--chain", 100_000);
        var braces = args.Positive("--braces", 15_000);
        var timeout = TimeSpan.FromSeconds(args.Positive("--timeout", 60));
        var maxTasks = args.Positive("--max-tasks", 50_000);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        // --steps picks parts: p (parse sizes), b (braces in process), s (server calls); all by default.
        var steps = args.String("--steps") ?? "pbs";
        if (steps.Contains('p', StringComparison.Ordinal))
        {
            Console.WriteLine();
            ParseSizes(maxTasks);
        }
        if (steps.Contains('b', StringComparison.Ordinal))
        {
            Console.WriteLine();
            BracesInProcess(braces);
        }
        if (steps.Contains('s', StringComparison.Ordinal))
        {
            Console.WriteLine();
            await ServerStepsAsync(chain, braces, timeout);
        }
        return 0;
    }

    private static void ParseSizes(int maxTasks)
    {
        Console.WriteLine("[tasks.md parse, in process]");
        var medians = new Dictionary<int, double>();
        foreach (var size in Sizes.Where(s => s <= maxTasks))
        {
            var text = FlatTasks(size);
            TasksParser.Parse(FlatTasks(100));
            // Small sizes get a median of several runs; the large ones are one run each (they took seconds).
            var samples = new Samples($"{size} tasks");
            for (var run = 0; run < (size <= 8_000 ? 5 : 1); run++)
            {
                var stopwatch = Stopwatch.StartNew();
                var parsed = TasksParser.Parse(text);
                stopwatch.Stop();
                if (parsed.Tasks.Count != size)
                {
                    throw new InvalidOperationException($"Parsed {parsed.Tasks.Count} tasks of {size}.");
                }
                samples.Add(stopwatch.Elapsed);
            }
            medians[size] = samples.Median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,7:N0} tasks  {text.Length / 1024.0,8:F0} KB  median {samples.Median,10:F1} ms  (n={samples.Count})"));
        }
        if (medians.TryGetValue(8_000, out var eight) && medians.TryGetValue(2_000, out var two))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio 8k/2k: {eight / two:F2} (4.0 is linear, 16.0 quadratic)"));
            BenchTable.Record("parsing tasks.md at 1k / 2k / 4k / 8k tasks (median)",
                string.Join(" / ", medians.Where(m => m.Key <= 8_000).OrderBy(m => m.Key).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Value:F1}"))) + string.Create(CultureInfo.InvariantCulture, $" ms; 8k = {eight / two:F2}× 2k"));
        }
    }

    private static void BracesInProcess(int braces)
    {
        Console.WriteLine($"[fileMatchPattern of {braces:N0} '{{a,b}}' alternatives, in process: new FileMatcher + FirstMatch]");
        var pattern = BracePattern(braces);
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var outcome = "";
        try
        {
            outcome = new FileMatcher([pattern]).FirstMatch("src/a.ts") is null ? "no match" : "match";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            outcome = $"threw {e.GetType().Name}";
        }
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pattern {pattern.Length / 1024.0:F0} KB: {stopwatch.Elapsed.TotalMilliseconds:F1} ms, {allocated / (1024.0 * 1024.0):F1} MB allocated ({outcome})"));
    }

    private static async Task ServerStepsAsync(int chain, int braces, TimeSpan timeout)
    {
        // One server per step: a server that is still busy with a call it never gave up must not skew the next.
        await ServerStepAsync("steering_context (brace pattern)", workspace => WriteBraces(workspace, braces),
            "steering_context", new Dictionary<string, object?> { ["paths"] = ContextPaths }, timeout);
        await ServerStepAsync($"task_plan ({chain:N0}-task chain)", workspace => WriteChain(workspace, chain),
            "task_plan", ToolCalls.Spec("chain"), timeout);
    }

    private static async Task ServerStepAsync(string name, Action<string> write, string tool, Dictionary<string, object?> arguments, TimeSpan timeout)
    {
        var workspace = Directory.CreateTempSubdirectory("kiro-mcp-bench-");
        try
        {
            write(workspace.FullName);
            await using var server = await ServerProcess.StartStdioAsync(workspace.FullName);
            var pid = ServerPid();
            // A warm-up call that reads neither the spec nor the steering under test.
            await ToolCalls.CallAsync(server.Client, "hook_list", new Dictionary<string, object?>());
            var rss = Megabytes(pid, "VmRSS");
            var outcome = await TimedAsync(server.Client, tool, arguments, timeout);
            Console.WriteLine($"{name}: {outcome}; server RSS before {rss}, peak {Megabytes(pid, "VmHWM")}");
        }
        finally
        {
            TempFolder.Delete(workspace);
        }
    }

    private static async Task<string> TimedAsync(McpClient client, string tool, Dictionary<string, object?> arguments, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var result = await client.CallToolAsync(tool, arguments, cancellationToken: cancel.Token);
            return string.Create(CultureInfo.InvariantCulture, $"{stopwatch.Elapsed.TotalMilliseconds:F0} ms{(result.IsError == true ? " (tool error)" : "")}");
        }
        catch (OperationCanceledException)
        {
            return $"no answer in {timeout.TotalSeconds:F0} s (cancelled)";
        }
    }

    private static void WriteChain(string workspace, int chain)
    {
        var spec = Path.Combine(workspace, ".kiro", "specs", "chain");
        Directory.CreateDirectory(spec);
        File.WriteAllText(Path.Combine(spec, ".config.kiro"),
            """{"specId": "00000000-0000-0000-0000-000000000002", "workflowType": "requirements-first", "specType": "feature"}""");
        File.WriteAllText(Path.Combine(spec, ".workflow.json"), """{"quick": true, "approvals": {}}""");
        File.WriteAllText(Path.Combine(spec, "requirements.md"),
            "# Requirements Document\n\n## Requirements\n\n### Requirement 1: Chain\n\n#### Acceptance Criteria\n\n1. WHEN a task runs THE System SHALL run it\n");
        File.WriteAllText(Path.Combine(spec, "design.md"), "# Design Document\n\n## Overview\n\nA chain.\n");
        var tasks = new StringBuilder("# Implementation Plan\n\n");
        for (var i = 1; i <= chain; i++)
        {
            tasks.Append(CultureInfo.InvariantCulture, $"- [ ] {i}. Step {i}\n  - _Requirements: 1.1_\n");
            if (i > 1)
            {
                tasks.Append(CultureInfo.InvariantCulture, $"  - _Depends: {i - 1}_\n");
            }
        }
        File.WriteAllText(Path.Combine(spec, "tasks.md"), tasks.ToString());
    }

    private static void WriteBraces(string workspace, int braces)
    {
        var steering = Path.Combine(workspace, ".kiro", "steering");
        Directory.CreateDirectory(steering);
        File.WriteAllText(Path.Combine(steering, "braces.md"),
            $"---\ninclusion: fileMatch\nfileMatchPattern: \"{BracePattern(braces)}\"\n---\n\n# Braces\n");
    }

    /// <summary>Top-level tasks, each with a wrapped title line, two details and a requirements line.</summary>
    private static string FlatTasks(int count)
    {
        var sb = new StringBuilder("# Implementation Plan\n\n");
        for (var i = 1; i <= count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- [ ] {i}. Task {i}\n  - Do the thing number {i}\n  - Check it\n  - _Requirements: 1.1_\n\n");
        }
        return sb.ToString();
    }

    private static string BracePattern(int braces) => "src/" + string.Concat(Enumerable.Repeat("{a,b}", braces)) + ".ts";

    /// <summary>The stdio server is our child process running the server dll.</summary>
    private static int ServerPid()
    {
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                if (status.Any(l => l.StartsWith("PPid:", StringComparison.Ordinal) && l.Split('\t', ' ').Last() == self)
                    && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("Kiro.Mcp.Server.dll", StringComparison.Ordinal))
                {
                    return int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that ended while we looked.
            }
        }
        return 0;
    }

    private static string Megabytes(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? "n/a" : string.Create(CultureInfo.InvariantCulture,
                $"{double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0:F0} MB");
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
