using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Hooks.Execution;

/// <summary>
/// The most recent hook runs, newest last, kept in <c>.kiro/.runtime/hook-history.json</c>: runtime
/// data like a log (one line per save would make git history noise), in the git-ignored folder the
/// file watcher never reports, so writing it cannot fire a hook.
/// </summary>
public sealed partial class HookHistory(FileStore store) : IDisposable
{
    public const string RuntimeFolder = ".kiro/.runtime";
    public const string Path = RuntimeFolder + "/hook-history.json";
    public const int MaxRuns = 200;

    /// <summary>Output kept per run in the history; the full tail went to whoever waited for the run.</summary>
    public const int MaxStoredOutput = 2000;

    private static readonly HookHistoryJson Json = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly SemaphoreSlim _gate = new(1, 1);

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
            // Read, add and write under the file's lock: another server process on this workspace
            // records its runs in the same file, and a copy cached here would overwrite them.
            await store.UpdateAsync(Path, current =>
            {
                var runs = Parse(current?.Text);
                runs.Add(run);
                if (runs.Count > MaxRuns)
                {
                    runs.RemoveRange(0, runs.Count - MaxRuns);
                }
                return JsonSerializer.Serialize(new HistoryFile(runs), Json.HistoryFile) + "\n";
            }, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<List<HookRun>> LoadAsync(CancellationToken cancellationToken) =>
        Parse((await store.ReadAsync(Path, cancellationToken))?.Text);

    /// <summary>The file: <c>{"runs": [...]}</c>.</summary>
    private sealed record HistoryFile(List<HookRun> Runs);

    /// <summary>Compile-time metadata (no reflection, AOT-safe), bound to the options above.</summary>
    [JsonSerializable(typeof(HistoryFile))]
    [JsonSerializable(typeof(List<HookRun>))]
    private sealed partial class HookHistoryJson : JsonSerializerContext;

    private static List<HookRun> Parse(string? text)
    {
        try
        {
            if (text is not null && JsonDocument.Parse(text).RootElement.TryGetProperty("runs", out var runs))
            {
                return runs.Deserialize(Json.ListHookRun) ?? [];
            }
        }
        catch (JsonException)
        {
            // A damaged history is only lost history: start a new one.
        }
        return [];
    }
}
