using System.Text.Encodings.Web;
using System.Text.Json;
using Kiro.Mcp.Hooks.Execution;

namespace Kiro.Mcp.Hooks.Triggers;

/// <summary>
/// What fired a hook. A command gets it as JSON on standard input, in the shape of Kiro's v1 hook
/// input (<c>hook_event_name</c>, <c>cwd</c>, then the event's own fields), and as <c>KIRO_*</c>
/// environment variables; an agent prompt gets it as a line of details.
/// </summary>
public sealed record HookEvent
{
    public required string Trigger { get; init; }

    /// <summary>Workspace-relative paths, '/' separated.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public string? Spec { get; init; }

    public string? TaskId { get; init; }

    public string? TaskTitle { get; init; }

    /// <summary>in_progress (PreTaskExec) or done (PostTaskExec).</summary>
    public string? TaskStatus { get; init; }

    /// <summary>requirements, bugfix, design or tasks (PostSpecApprove).</summary>
    public string? Document { get; init; }

    /// <summary>Who caused it (the client, or the authenticated user), when known.</summary>
    public string? By { get; init; }

    /// <summary>The session and user whose action caused it, when one did: an agent prompt goes back there. Never sent to commands.</summary>
    public HookOrigin? Origin { get; init; }

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text matched by a v1 <c>matcher</c> for non-file triggers: "spec", "spec/taskId" or "spec/document".</summary>
    public string Subject =>
        Spec is null ? "" : TaskId is not null ? $"{Spec}/{TaskId}" : Document is not null ? $"{Spec}/{Document}" : Spec;

    public string ToJson(string hookName, string workspace)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            json.WriteString("hook_event_name", Trigger);
            json.WriteString("hook_name", hookName);
            json.WriteString("cwd", workspace);
            json.WriteStartArray("file_paths");
            foreach (var file in Files)
            {
                json.WriteStringValue(file);
            }
            json.WriteEndArray();
            Optional(json, "spec", Spec);
            Optional(json, "task_id", TaskId);
            Optional(json, "task_title", TaskTitle);
            Optional(json, "task_status", TaskStatus);
            Optional(json, "document", Document);
            Optional(json, "by", By);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public IReadOnlyDictionary<string, string> ToEnvironment(string hookName, string workspace)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KIRO_HOOK_EVENT"] = Trigger,
            ["KIRO_HOOK_NAME"] = hookName,
            ["KIRO_WORKSPACE"] = workspace,
            ["KIRO_FILE_PATHS"] = string.Join('\n', Files),
            ["KIRO_FILE_PATH"] = Files.Count > 0 ? Files[0] : "",
        };
        Add(variables, "KIRO_SPEC", Spec);
        Add(variables, "KIRO_TASK_ID", TaskId);
        Add(variables, "KIRO_TASK_TITLE", TaskTitle);
        Add(variables, "KIRO_TASK_STATUS", TaskStatus);
        Add(variables, "KIRO_DOCUMENT", Document);
        Add(variables, "KIRO_BY", By);
        return variables;
    }

    /// <summary>One line for a person or an assistant: "PostFileSave: src/a.ts" or "PostTaskExec: spec billing, task 2.1 'Add invoices' (done)".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Files.Count > 0)
        {
            parts.Add(Files.Count <= 5 ? string.Join(", ", Files) : $"{string.Join(", ", Files.Take(5))} and {Files.Count - 5} more");
        }
        if (Spec is not null)
        {
            parts.Add($"spec {Spec}");
        }
        if (TaskId is not null)
        {
            parts.Add($"task {TaskId}{(TaskTitle is null ? "" : $" '{TaskTitle}'")}{(TaskStatus is null ? "" : $" ({TaskStatus})")}");
        }
        if (Document is not null)
        {
            parts.Add($"document {Document}");
        }
        return parts.Count == 0 ? Trigger : $"{Trigger}: {string.Join(", ", parts)}";
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Add(Dictionary<string, string> variables, string name, string? value)
    {
        if (value is not null)
        {
            variables[name] = value;
        }
    }
}
