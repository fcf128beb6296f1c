using System.Text.Json;
using System.Text.Json.Serialization;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Execution;

/// <summary>
/// The task runs of one spec, committed with it in <c>.kiro/specs/&lt;spec&gt;/.runs.json</c>: runs in
/// the order they started, fields in a fixed order, LF — deterministic, and appends merge cleanly.
/// </summary>
public static partial class RunLog
{

    public static string PathOf(string spec) => $"{Workflow.SpecLayout.Folder(spec)}/.runs.json";

    public static IReadOnlyList<TaskRun> Parse(string? json, string path)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize(json, RunLogJson.Default.RunFile)?.Runs ?? [];
        }
        catch (JsonException e)
        {
            throw new KiroException("runs_invalid", $"'{path}' is not valid ({e.Message}). Fix it, or delete it to start a new run history.");
        }
    }

    public static string Write(IReadOnlyList<TaskRun> runs) => JsonSerializer.Serialize(new RunFile(runs), RunLogJson.Default.RunFile) + "\n";

    /// <summary>Updates the spec's run file under its lock: no other run record can be lost in between.</summary>
    public static Task UpdateAsync(FileStore store, string spec, Func<List<TaskRun>, List<TaskRun>> change, CancellationToken cancellationToken)
    {
        var path = PathOf(spec);
        return store.UpdateAsync(path, current => Write(change([.. Parse(current?.Text, path)])), cancellationToken);
    }

    private sealed record RunFile(IReadOnlyList<TaskRun> Runs);

    /// <summary>Compile-time metadata: no reflection, so the server also runs as a native (AOT) binary.</summary>
    [JsonSourceGenerationOptions(WriteIndented = true, NewLine = "\n", PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(RunFile))]
    private sealed partial class RunLogJson : JsonSerializerContext;
}
