using System.Text;
using System.Text.Json;
using Kiro.Mcp.Steering.Generation.Analysis.DotNet;
using Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;
using Kiro.Mcp.Steering.Generation.Roslyn;

namespace Kiro.Mcp.Analysis;

/// <summary>
/// Answers one analysis request. The first stdin line is the request; after it, the end of stdin means the server is
/// gone (or gave up), and the program exits rather than finish work nobody will read. Console output from libraries is
/// sent to stderr so that stdout carries nothing but the protocol's lines.
/// </summary>
public static class AnalysisHost
{
    private const int MaxRequestLength = 16 * 1024 * 1024;

    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
        Console.SetOut(Console.Error);
        var gate = new object();
        void Write(AnalysisReply reply)
        {
            var line = JsonSerializer.Serialize(reply, AnalysisJsonContext.Default.AnalysisReply);
            lock (gate)
            {
                writer.WriteLine(line);
            }
        }

        using var reader = new StreamReader(input, Encoding.UTF8);
        var lines = new BoundedLineReader(reader, MaxRequestLength);
        AnalysisRequest? request;
        try
        {
            request = await lines.ReadLineAsync(CancellationToken.None) is { } line ? JsonSerializer.Deserialize(line, AnalysisJsonContext.Default.AnalysisRequest) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            Write(new AnalysisReply(Error: "the request is not valid: " + e.Message));
            return 2;
        }
        if (request is null || !Path.IsPathFullyQualified(request.Root) || !Directory.Exists(request.Root) || request.Solutions is null || request.Projects is null)
        {
            Write(new AnalysisReply(Error: "the request names no existing workspace folder"));
            return 2;
        }

        using var stop = new CancellationTokenSource();
        _ = WatchForEndAsync(lines, stop);
        try
        {
            var result = await new MsBuildCodeReader().ReadAsync(
                new DotNetCodeRequest(request.Root, request.Solutions, request.Projects, request.Evaluate, new LineProgress(m => Write(new AnalysisReply(Progress: m))), request.TestProjects),
                stop.Token);
            Write(new AnalysisReply(Result: result));
            return 0;
        }
        catch (OperationCanceledException)
        {
            return 3;
        }
        catch (Exception e)
        {
            Write(new AnalysisReply(Error: $"{e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}"));
            return 1;
        }
    }

    private static async Task WatchForEndAsync(BoundedLineReader lines, CancellationTokenSource stop)
    {
        try
        {
            while (await lines.ReadLineAsync(CancellationToken.None) is not null)
            {
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ObjectDisposedException)
        {
        }
        await stop.CancelAsync();
    }

    /// <summary>Reports on the caller's thread, so a progress line is never written after the result line.</summary>
    private sealed class LineProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
