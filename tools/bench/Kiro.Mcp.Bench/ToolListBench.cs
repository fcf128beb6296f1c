using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Bench;

/// <summary>
/// What <c>tools/list</c> costs a model's context on every turn: each tool's definition (name, title,
/// description, input and output schemas) as JSON, in characters and in tokens estimated as characters / 4.
/// Counted without JSON's \u escapes, since the model sees the text the client decoded.
/// </summary>
internal static class ToolListBench
{
    public static readonly string[] Options = [];

    public static async Task<int> RunAsync()
    {
        var workspace = Directory.CreateTempSubdirectory("kiro-mcp-tools-");
        try
        {
            await using var server = await ServerProcess.StartStdioAsync(workspace.FullName);
            var tools = await server.Client.ListToolsAsync();
            var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            var rows = tools
                .Select(t => (t.ProtocolTool, Json: JsonSerializer.Serialize(t.ProtocolTool, options), Text: DescriptionCharacters(t.ProtocolTool)))
                .OrderByDescending(r => r.Json.Length)
                .ToList();

            Console.WriteLine($"{"tool",-18} {"chars",7} {"tokens",7} {"descriptions",13} {"input schema",13} {"output schema",14}");
            foreach (var (tool, json, text) in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{tool.Name,-18} {json.Length,7} {json.Length / 4,7} {text,13} {tool.InputSchema.GetRawText().Length,13} {(tool.OutputSchema?.GetRawText().Length ?? 0),14}"));
            }
            var total = rows.Sum(r => r.Json.Length) + rows.Count + 1;
            var input = rows.Sum(r => r.ProtocolTool.InputSchema.GetRawText().Length);
            var output = rows.Sum(r => r.ProtocolTool.OutputSchema?.GetRawText().Length ?? 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"total (" + rows.Count + " tools)",-18} {total,7} {total / 4,7} {rows.Sum(r => r.Text),13} {input,13} {output,14}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"output schemas: {100.0 * output / total:F0}% of the list"));
            BenchTable.Record("tools/list", string.Create(CultureInfo.InvariantCulture, $"{total:N0} characters ≈ {total / 4:N0} tokens, {rows.Count} tools; output schemas {100.0 * output / total:F0}%"), "server-filesystem: 3,243 tokens for 14 tools (issue 14)");
            return 0;
        }
        finally
        {
            TempFolder.Delete(workspace);
        }
    }

    /// <summary>The prose a model reads: the tool's description and every "description" inside its input schema.</summary>
    private static int DescriptionCharacters(Tool tool)
    {
        var length = tool.Description?.Length ?? 0;
        if (tool.InputSchema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.TryGetProperty("description", out var description))
                {
                    length += description.GetString()?.Length ?? 0;
                }
            }
        }
        return length;
    }
}
