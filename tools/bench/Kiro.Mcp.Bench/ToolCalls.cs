using System.Diagnostics;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Bench;

/// <summary>Timed tool calls. Timing a failing call measures the error path, not the tool, so any error ends the run.</summary>
internal static class ToolCalls
{
    public static Dictionary<string, object?> Spec(string spec) => new() { ["spec"] = spec };

    public static Dictionary<string, object?> Task(string spec, string taskId) => new() { ["spec"] = spec, ["taskId"] = taskId };

    public static async Task<TimeSpan> CallAsync(McpClient client, string tool, IReadOnlyDictionary<string, object?> arguments, Samples? samples = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: cancellationToken);
        stopwatch.Stop();
        if (result.IsError == true)
        {
            var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
            throw new ToolCallFailedException($"{tool} {string.Join(", ", arguments.Select(a => $"{a.Key}={a.Value}"))} returned isError:\n{text}");
        }
        samples?.Add(stopwatch.Elapsed);
        return stopwatch.Elapsed;
    }
}
