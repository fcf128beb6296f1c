using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;

/// <summary>
/// Reads .NET code through the separate analysis program (Roslyn and MSBuild stay out of the server): one request
/// line to its stdin, progress lines and one result line back on its stdout, newline-delimited JSON. The child is
/// input like any other: lines are bounded, only requested projects are taken from its answer, and it is killed with
/// its whole tree (MSBuild's build host included) on cancellation, on a timeout, or on output that breaks the protocol.
/// Nothing here throws for a missing or failing program: the result carries a note, and the project files describe the
/// solution instead.
/// </summary>
public sealed class AnalysisProcessReader(AnalysisProgramLocator locator, TimeSpan timeout, int maxLineLength = AnalysisProcessReader.DefaultMaxLineLength) : IDotNetCodeReader
{
    public const int DefaultMaxLineLength = 64 * 1024 * 1024;
    private const int MaxProgressLength = 300;
    private const int StderrLines = 20;
    private const string Fallback = "facts come from the project files' XML only";

    /// <summary>
    /// How long the program gets to exit by itself: after its answer it exits anyway, and before it, the end of its stdin
    /// cancels its work. Bounded, so a stuck program cannot hold a cancelled call (or a stopping server) for long.
    /// </summary>
    private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(2);

    public async Task<DotNetCodeResult> ReadAsync(DotNetCodeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var location = await locator.LocateAsync(cancellationToken);
        var notes = location.Note is { } note ? new List<string> { note } : [];
        if (location.Path is null)
        {
            notes.Add($"Without the analysis program, {Fallback}.");
            return new DotNetCodeResult([], notes);
        }
        var result = await RunAsync(location.Path, request, notes, cancellationToken);
        if (result is null)
        {
            return new DotNetCodeResult([], notes);
        }
        // Only what was asked for, once each: the child's answer must not invent projects.
        var asked = request.Projects.ToHashSet(StringComparer.Ordinal);
        var projects = result.Projects.Where(p => p is not null && asked.Remove(p.Path)).ToList();
        return new DotNetCodeResult(projects, [.. notes, .. result.Notes.Where(n => n is not null)]);
    }

    private async Task<DotNetCodeResult?> RunAsync(string program, DotNetCodeRequest request, List<string> notes, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotNetHost.Path)
        {
            // The program's own folder, never the workspace: nothing there (global.json, nuget.config) picks what runs.
            WorkingDirectory = Path.GetDirectoryName(program)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(program);
        // No instrumented JIT tier for the analysis program and, inherited, for MSBuild's build host it starts: both run
        // once for seconds, mostly in code compiled during the run, and instrumented code slowed them most of the way.
        // markdig, analysis steps timed from steering_generate: 6.7-7.1 s with the tier, 6.0-6.1 s without.
        start.Environment["DOTNET_TieredPGO"] = "0";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            notes.Add($"The analysis program could not be started ({e.Message}); {Fallback}.");
            return null;
        }
        var stderr = new Queue<string>();
        var draining = DrainAsync(process.StandardError, stderr);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var line = JsonSerializer.Serialize(
                new AnalysisRequest(request.Root, request.Solutions, request.Projects, request.Evaluate, request.TestProjects), AnalysisJsonContext.Default.AnalysisRequest);
            // stdin stays open while the child works: it exits when it sees the end of it, so it never outlives the server.
            try
            {
                await process.StandardInput.WriteAsync((line + "\n").AsMemory(), limit.Token);
                await process.StandardInput.FlushAsync(limit.Token);
            }
            catch (IOException)
            {
                // It died before reading: what it printed and its exit code say why, below.
            }
            var reader = new BoundedLineReader(process.StandardOutput, maxLineLength);
            while (await reader.ReadLineAsync(limit.Token) is { } text)
            {
                if (!text.StartsWith('{'))
                {
                    // Not ours: the dotnet host's own error text (a missing runtime, a broken file) goes to stdout.
                    Remember(stderr, text);
                    continue;
                }
                var reply = JsonSerializer.Deserialize(text, AnalysisJsonContext.Default.AnalysisReply);
                if (reply?.Result is { } result)
                {
                    return result;
                }
                if (reply?.Error is { } error)
                {
                    notes.Add($"The analysis program failed ({Shorten(error, MaxProgressLength)}); {Fallback}.");
                    return null;
                }
                if (reply?.Progress is { } progress)
                {
                    request.Progress?.Report(Shorten(progress, MaxProgressLength));
                }
            }
            await process.WaitForExitAsync(limit.Token);
            await draining;
            notes.Add($"The analysis program exited with code {process.ExitCode} before answering{Tail(stderr)}; {Fallback}.");
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            notes.Add($"The analysis program took longer than {timeout.TotalSeconds:0} s and was stopped; {Fallback}.");
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            notes.Add($"The analysis program's answer was not understood ({Shorten(e.Message, MaxProgressLength)}); {Fallback}.");
            return null;
        }
        finally
        {
            await StopAsync(process);
        }
    }

    /// <summary>
    /// Lets the program exit by itself (the end of its stdin stops it), and kills it with its MSBuild build hosts only if
    /// it does not: killed, a .NET process leaves its diagnostics pipes behind in /tmp, and its build hosts' shutdown
    /// is cut short.
    /// </summary>
    private static async Task StopAsync(Process process)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Its end of the pipe is closed: it is exiting or gone.
        }
        using var grace = new CancellationTokenSource(ExitGrace);
        await process.WaitForExitAsync(grace.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    /// <summary>Keeps the last lines of the child's stderr (each bounded) for a note on why it died.</summary>
    private static async Task DrainAsync(StreamReader stderr, Queue<string> tail)
    {
        try
        {
            var reader = new BoundedLineReader(stderr, 64 * 1024);
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
            {
                Remember(tail, line);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ObjectDisposedException)
        {
            // stderr is only for the note.
        }
    }

    private static void Remember(Queue<string> tail, string line)
    {
        lock (tail)
        {
            tail.Enqueue(Shorten(line, MaxProgressLength));
            if (tail.Count > StderrLines)
            {
                tail.Dequeue();
            }
        }
    }

    private static string Tail(Queue<string> tail)
    {
        lock (tail)
        {
            var last = tail.LastOrDefault(l => l.Trim().Length > 0);
            return last is null ? "" : $" ({last.Trim()})";
        }
    }

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : text[..max] + "…";
}
