using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>Writes hooks in Kiro's v1 format: fixed key order, two-space indent, LF, a final newline.</summary>
public static class V1HookWriter
{
    public static string Write(IReadOnlyList<HookDefinition> hooks)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", "v1");
            json.WriteStartArray("hooks");
            foreach (var hook in hooks)
            {
                json.WriteStartObject();
                json.WriteString("name", hook.Name);
                if (hook.Description is not null)
                {
                    json.WriteString("description", hook.Description);
                }
                json.WriteString("trigger", hook.Trigger);
                if (hook.Matcher is not null)
                {
                    json.WriteString("matcher", hook.Matcher);
                }
                json.WriteStartObject("action");
                if (hook.ActionType == HookActionType.Command)
                {
                    json.WriteString("type", "command");
                    json.WriteString("command", hook.Command);
                }
                else
                {
                    json.WriteString("type", "agent");
                    json.WriteString("prompt", hook.Prompt);
                }
                json.WriteEndObject();
                if (hook.TimeoutSeconds is { } timeout)
                {
                    json.WriteNumber("timeout", timeout);
                }
                json.WriteBoolean("enabled", hook.Enabled);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
