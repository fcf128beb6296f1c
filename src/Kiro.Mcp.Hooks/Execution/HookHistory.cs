using System.Text.Encodings.Web;
using System.Text.Json;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Hooks.Execution;

/// <summary>
/// The most recent hook runs, newest last, kept in <c>.kiro/.runtime/hook-history.json</c>: runtime
/// data like a log (one line per save would make git history noise), in the git-ignored folder the
/// file watcher never reports, so writing it cannot fire a hook.
/// </summary>
public sealed class HookHistory(FileStore store) : IDisposable
{
    public const string RuntimeFolder = ".kiro/.runtime";
    public const string Path = RuntimeFolder + "/hook-history.json";
    public const int MaxRuns = 200;

    /// <summary>Output kept per run in the history; the full tail went to whoever waited for the run.</summary>
    public const int MaxStoredOutput = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private List<HookRun>? _runs;

    public async Task<IReadOnlyList<HookRun>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var runs = await LoadAsync(cancellationToken);
            return runs.Skip(Math.Max(0, runs.Count - limit)).Reverse().ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task AddAsync(HookRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.OutputTail.Length > MaxStoredOutput)
        {
            run = run with { OutputTail = run.OutputTail[^MaxStoredOutput..] };
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var runs = await LoadAsync(cancellationToken);
            runs.Add(run);
            if (runs.Count > MaxRuns)
            {
                runs.RemoveRange(0, runs.Count - MaxRuns);
            }
            if (!store.FileExists(RuntimeFolder + "/.gitignore"))
            {
                // Runtime data is never committed, whether or not the repository ignores the folder itself.
                await store.WriteAsync(RuntimeFolder + "/.gitignore", "*\n", null, cancellationToken);
            }
            await store.WriteAsync(Path, JsonSerializer.Serialize(new { runs }, Json) + "\n", null, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<List<HookRun>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_runs is not null)
        {
            return _runs;
        }
        _runs = [];
        try
        {
            if (await store.ReadAsync(Path, cancellationToken) is { } text
                && JsonDocument.Parse(text.Text).RootElement.TryGetProperty("runs", out var runs))
            {
                _runs = runs.Deserialize<List<HookRun>>(Json) ?? [];
            }
        }
        catch (JsonException)
        {
            // A damaged history is only lost history: start a new one.
        }
        return _runs;
    }
}
