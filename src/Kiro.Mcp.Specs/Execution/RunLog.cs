using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Execution;

/// <summary>
/// The task runs of one spec, committed with it in <c>.kiro/specs/&lt;spec&gt;/.runs.jsonl</c>: JSON Lines, one compact
/// object per line (fields in a fixed order, LF), appended and never rewritten, so recording a run costs the same
/// however long the history is (two branches' appends are two added blocks: git keeps both with <c>merge=union</c>,
/// docs/architecture.md). A later line with the same run id
/// replaces the earlier one; runs keep the order of their first line. Lines that are not a run (a line cut short
/// by a crash, a merge's leftovers) are skipped, never fatal.
/// </summary>
/// <remarks>
/// Before, the log was one JSON document, <c>.runs.json</c>, rewritten whole on every record. It is still read;
/// the first run recorded afterwards copies its runs into the new file (ids derived from their content, so a copy
/// made twice after a crash is the same lines) and deletes it.
/// </remarks>
public static partial class RunLog
{
    public static string PathOf(string spec) => $"{Workflow.SpecLayout.Folder(spec)}/.runs.jsonl";

    /// <summary>Where the run log of a spec was before JSON Lines: read, and migrated by the next record.</summary>
    public static string LegacyPathOf(string spec) => $"{Workflow.SpecLayout.Folder(spec)}/.runs.json";

    /// <summary>A new run id: short, random, not a counter (two processes and two branches append at once).</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>The runs of a legacy <c>.runs.json</c>, each with its derived id; "runs_invalid" when it is not valid.</summary>
    public static IReadOnlyList<TaskRun> ParseLegacy(string? json, string path)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        IReadOnlyList<TaskRun> runs;
        try
        {
            runs = JsonSerializer.Deserialize(json, RunLogJson.Default.RunFile)?.Runs ?? [];
        }
        catch (JsonException e)
        {
            throw new KiroException("runs_invalid", $"'{path}' is not valid ({e.Message}). Fix it, or delete it to start a new run history.");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var withIds = new List<TaskRun>(runs.Count);
        foreach (var run in runs)
        {
            if (run is null)
            {
                continue;
            }
            var id = run.Id ?? "legacy-" + Convert.ToHexStringLower(SHA256.HashData(Line(run))[..6]);
            // Two identical old runs stay two runs.
            var count = seen[id] = seen.GetValueOrDefault(id) + 1;
            withIds.Add(run with { Id = count == 1 ? id : $"{id}-{count}" });
        }
        return withIds;
    }

    /// <summary>The run as one line of the log: compact JSON, fields in declaration order, LF.</summary>
    public static byte[] Line(TaskRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var json = JsonSerializer.SerializeToUtf8Bytes(run, RunLogJson.Default.TaskRun);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>Applies each line that is a run with an id to <paramref name="history"/>; other lines are skipped. How many were applied.</summary>
    public static int Read(ReadOnlySpan<byte> lines, RunHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var applied = 0;
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf((byte)'\n');
            var line = end < 0 ? lines : lines[..end];
            lines = end < 0 ? [] : lines[(end + 1)..];
            if (line.TrimEnd((byte)'\r').IsEmpty)
            {
                continue;
            }
            try
            {
                if (JsonSerializer.Deserialize(line, RunLogJson.Default.TaskRun) is { Id.Length: > 0, Task: not null } run)
                {
                    history.Apply(run);
                    applied++;
                }
            }
            catch (JsonException)
            {
                // Not a run: a line cut short by a crash, or damage. The lines around it still count.
            }
        }
        return applied;
    }

    /// <summary>The runs of a spec from its two files' texts as found (e.g. at a git commit): the legacy runs, then the log's lines over them.</summary>
    public static IReadOnlyList<TaskRun> Parse(string? legacyJson, string? lines, string spec)
    {
        var history = new RunHistory();
        foreach (var run in ParseLegacy(legacyJson, LegacyPathOf(spec)))
        {
            history.Apply(run);
        }
        if (lines is not null)
        {
            Read(Encoding.UTF8.GetBytes(lines), history);
        }
        return history.Runs;
    }

    private sealed record RunFile(IReadOnlyList<TaskRun> Runs);

    /// <summary>Compile-time metadata: no reflection, so the server also runs as a native (AOT) binary.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(RunFile))]
    [JsonSerializable(typeof(TaskRun))]
    private sealed partial class RunLogJson : JsonSerializerContext;
}
