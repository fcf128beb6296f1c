using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Bench;

/// <summary>
/// What a command hook that floods its output costs the server: a Manual hook prints --megabytes MB
/// on one line (head -c … /dev/zero | tr), hook_run runs it over HTTP, and the server's peak resident
/// memory (VmHWM) and current memory (VmRSS) are read from /proc before and after. Linux only.
/// </summary>
internal static class HookOutputBench
{
    public static readonly string[] Options = ["--megabytes"];

    public static async Task<int> RunAsync(BenchArgs options)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("hookoutput reads /proc: Linux only.");
            return 1;
        }
        var megabytes = options.Positive("--megabytes", 100);
        var workspace = Directory.CreateTempSubdirectory("kiro-bench-hookoutput-");
        try
        {
            Directory.CreateDirectory(Path.Combine(workspace.FullName, ".kiro", "hooks"));
            await File.WriteAllTextAsync(Path.Combine(workspace.FullName, ".kiro", "hooks", "flood.json"), JsonSerializer.Serialize(new
            {
                version = "v1",
                hooks = new[]
                {
                    new
                    {
                        name = "Flood",
                        trigger = "Manual",
                        action = new { type = "command", command = $"head -c {megabytes * 1_000_000L} /dev/zero | tr '\\0' a; echo; echo END" },
                        timeout = 300,
                    },
                },
            }));
            await using var server = await ServerProcess.StartHttpAsync(workspace.FullName, []);
            var pid = server.HttpProcess!.Id;
            await server.Client.CallToolAsync("spec_list", new Dictionary<string, object?>());
            var (peakBefore, rssBefore) = (Status(pid, "VmHWM"), Status(pid, "VmRSS"));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = await server.Client.CallToolAsync("hook_run", new Dictionary<string, object?> { ["name"] = "Flood" });
            var elapsed = clock.Elapsed;
            var (peakAfter, rssAfter) = (Status(pid, "VmHWM"), Status(pid, "VmRSS"));
            var run = result.StructuredContent?.GetProperty("run");
            var tail = run?.GetProperty("outputTail").GetString() ?? string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

            Console.WriteLine(FormattableString.Invariant($"hook printing {megabytes} MB on one line, run by hook_run over HTTP ({elapsed.TotalSeconds:0.0} s, outcome {run?.GetProperty("outcome").GetString() ?? "?"})"));
            Console.WriteLine(FormattableString.Invariant($"  server VmHWM  before {peakBefore,8:0.0} MB   after {peakAfter,8:0.0} MB   (+{peakAfter - peakBefore:0.0} MB)"));
            Console.WriteLine(FormattableString.Invariant($"  server VmRSS  before {rssBefore,8:0.0} MB   after {rssAfter,8:0.0} MB"));
            Console.WriteLine(FormattableString.Invariant($"  output tail in the result: {tail.Length} characters"));
            return 0;
        }
        finally
        {
            TempFolder.Delete(workspace);
        }
    }

    /// <summary>A /proc/pid/status field in MB (VmHWM: the peak resident set since start; VmRSS: now).</summary>
    private static double Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
