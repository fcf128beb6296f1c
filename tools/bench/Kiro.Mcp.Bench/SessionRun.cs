using System.Diagnostics;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.Bench;

/// <summary>
/// Connected clients calling tools in a loop for a fixed time, all at once, while the server's resident memory
/// is sampled: the measured part of the HTTP benchmarks with many sessions.
/// </summary>
internal static class SessionRun
{
    /// <summary>A tool call: the tool and its arguments.</summary>
    public readonly record struct Call(string Tool, Dictionary<string, object?> Arguments);

    /// <param name="next">The call a client makes, from the client's index and its running call count (which starts at the index).</param>
    public static async Task<(int Calls, Samples Samples, TimeSpan Elapsed, double PeakRss)> RunAsync(
        IReadOnlyList<McpClient> clients, int pid, int seconds, Func<int, int, Call> next)
    {
        // One unmeasured call per client first: JIT and first parses stay out of the numbers.
        await Task.WhenAll(clients.Select(client => ToolCalls.CallAsync(client, "spec_status", ToolCalls.Spec(SpecGenerator.SpecName))));
        var peak = 0.0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ProcessMemory.ResidentMegabytes(pid) ?? 0);
                await Task.Delay(250, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(clients.Select((client, index) => ClientAsync(client, index, next, stop.Token)));
        clock.Stop();
        await sampler;
        var all = new Samples("all calls");
        foreach (var samples in perClient)
        {
            all.AddRange(samples);
        }
        return (all.Count, all, clock.Elapsed, peak);
    }

    private static async Task<Samples> ClientAsync(McpClient client, int index, Func<int, int, Call> next, CancellationToken stop)
    {
        var samples = new Samples("client");
        for (var i = index; !stop.IsCancellationRequested; i++)
        {
            var call = next(index, i);
            try
            {
                await ToolCalls.CallAsync(client, call.Tool, call.Arguments, samples, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The call in flight when time ran out is not counted.
                break;
            }
        }
        return samples;
    }
}
