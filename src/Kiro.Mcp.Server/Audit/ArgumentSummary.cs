using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiro.Mcp.Server.Audit;

/// <summary>
/// What the audit log keeps of a call's arguments: enough to tell what was asked, never a whole document or
/// anything that might be a secret. Names, numbers and booleans are kept; a string is kept only when it is
/// short and its argument is not one that carries free text (a document's content, a hook's command or
/// prompt), else it becomes its length and SHA-256, which still proves which text was sent. Objects and
/// arrays become their size and hash. The log has at most <see cref="MaxArguments"/> arguments per call.
/// </summary>
public static class ArgumentSummary
{
    public const int MaxShortString = 80;
    public const int MaxArguments = 20;

    // Arguments whose value is free text: kept only as a hash, however short (a command may hold a password).
    private static readonly HashSet<string> FreeText = new(StringComparer.OrdinalIgnoreCase)
    {
        "content", "command", "prompt", "note", "description", "comment", "text", "body", "env", "token", "secret", "password",
    };

    public static IReadOnlyDictionary<string, JsonElement> Of(IDictionary<string, JsonElement>? arguments)
    {
        var summary = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments?.OrderBy(a => a.Key, StringComparer.Ordinal).Take(MaxArguments) ?? [])
        {
            // A hostile name could be as long as the message: only its hash goes in then.
            var key = name.Length <= MaxShortString ? name : "#" + Hash(name)[..16];
            summary[key] = Summarize(name, value);
        }
        return summary;
    }

    private static JsonElement Summarize(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString() is { } text && text.Length <= MaxShortString && !FreeText.Contains(name) && !text.Any(char.IsControl) =>
            value.Clone(),
        JsonValueKind.String => Digest(value.GetString()!),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null when value.GetRawText().Length <= MaxShortString => value.Clone(),
        _ => Digest(value.GetRawText()),
    };

    private static JsonElement Digest(string text) =>
        JsonSerializer.SerializeToElement(new JsonObject { ["length"] = text.Length, ["sha256"] = Hash(text) }, AuditJsonContext.Default.JsonObject);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
