using System.Text.Json;

namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>What reading one file collects: its hooks, its findings, and where its values are.</summary>
internal sealed class HookReadContext(string file, HookSource source)
{
    public string File { get; } = file;

    public HookSource Source { get; } = source;

    public JsonLines Lines { get; set; } = null!;

    public List<HookDefinition> Hooks { get; } = [];

    public List<HookFinding> Findings { get; } = [];

    public void Error(int line, string reason) => Findings.Add(new HookFinding(File, line, HookFinding.Error, reason));

    public void Warning(int line, string reason) => Findings.Add(new HookFinding(File, line, HookFinding.Warning, reason));

    /// <summary>A string property, or null when it is absent; a value of another type is an error.</summary>
    public string? String(JsonElement parent, string name, string path, ref bool ok)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(Lines.Of(Join(path, name)), $"\"{name}\" must be a string.");
            ok = false;
            return null;
        }
        return value.GetString();
    }

    public bool? Bool(JsonElement parent, string name, string path, ref bool ok)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        Error(Lines.Of(Join(path, name)), $"\"{name}\" must be true or false.");
        ok = false;
        return null;
    }

    /// <summary>A timeout in whole seconds as written (0 reads as the default and more than an hour is capped when it runs, see <see cref="HookDefinition.Timeout"/>).</summary>
    public int? Seconds(JsonElement parent, string name, string path, ref bool ok)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds is >= 0 and <= 86_400)
        {
            return (int)Math.Ceiling(seconds);
        }
        Error(Lines.Of(Join(path, name)), $"\"{name}\" must be a number of seconds from 0 (the default, 60) to 86400 (runs are capped at 3600).");
        ok = false;
        return null;
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
