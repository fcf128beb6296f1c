using System.Text.Json;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// Reads a spec's run log (<c>.runs.jsonl</c>) as a reader of the format would: one JSON object per line, a later
/// line with the same id replacing the earlier one, runs in the order their id first appeared.
/// </summary>
internal static class RunLogFile
{
    public static string PathOf(string spec) => $".kiro/specs/{spec}/.runs.jsonl";

    public static List<JsonElement> Runs(string text)
    {
        var order = new List<string>();
        var latest = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var run = JsonDocument.Parse(line).RootElement.Clone();
            var id = run.GetProperty("id").GetString()!;
            if (!latest.ContainsKey(id))
            {
                order.Add(id);
            }
            latest[id] = run;
        }
        return order.Select(id => latest[id]).ToList();
    }
}
