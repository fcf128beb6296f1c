using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// The real server over stdio driven with raw JSON-RPC lines, for what a well-behaved client never sends:
/// requests before initialize, lines of any size. Answers are read line by line and matched by id.
/// </summary>
public sealed class RawStdioServer : IAsyncDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ConcurrentQueue<JsonObject> _answers = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _reader;

    private RawStdioServer(Process process)
    {
        _process = process;
        _reader = Task.Run(ReadAsync);
    }

    public ConcurrentQueue<string> Stderr { get; } = new();

    public static RawStdioServer Start(string workspace)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        info.Environment[ServerConnection.UserKiroVariable] = ServerConnection.UserKiroDirectory(workspace);
        foreach (var arg in new[] { ServerBinary.Path, "--stdio", "--workspace", workspace })
        {
            info.ArgumentList.Add(arg);
        }
        var server = new RawStdioServer(Process.Start(info)!);
        server._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { server.Stderr.Enqueue(e.Data); } };
        server._process.BeginErrorReadLine();
        return server;
    }

    public Stream Input => _process.StandardInput.BaseStream;

    public async Task SendAsync(string json)
    {
        await Input.WriteAsync(Encoding.UTF8.GetBytes(json + "\n"));
        await Input.FlushAsync();
    }

    /// <summary>initialize, its answer, then notifications/initialized: what every client does first.</summary>
    public async Task InitializeAsync()
    {
        await SendAsync("""{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
        var answer = await AnswerAsync("init");
        Assert.True(answer.ContainsKey("result"), answer.ToJsonString());
        await SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
    }

    /// <summary>The answer whose id is <paramref name="id"/> (a string or a number; null for id null).</summary>
    public async Task<JsonObject> AnswerAsync(object? id)
    {
        var expected = JsonSerializer.SerializeToNode(id)?.ToJsonString() ?? "null";
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        var skipped = new List<JsonObject>();
        try
        {
            while (true)
            {
                await _arrived.WaitAsync(timeout.Token);
                _answers.TryDequeue(out var answer);
                if ((answer!["id"]?.ToJsonString() ?? "null") == expected && (answer.ContainsKey("result") || answer.ContainsKey("error")))
                {
                    return answer;
                }
                skipped.Add(answer);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No answer with id {expected} within {AnswerTimeout}. Other messages: {string.Join("\n", skipped.Select(s => s.ToJsonString()))}\nstderr:\n{string.Join("\n", Stderr)}");
            throw;
        }
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (JsonNode.Parse(line) is JsonObject message)
            {
                _answers.Enqueue(message);
                _arrived.Release();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill(entireProcessTree: true);
            }
            await _reader.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
        }
    }
}
