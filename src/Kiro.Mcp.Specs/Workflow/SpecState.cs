using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Workflow;

/// <summary>
/// Our per-spec state (<see cref="SpecLayout.State"/>): quick mode and approvals. Written
/// deterministically — fixed key order, one field per line, LF, final newline — so that two
/// branches approving different documents merge without conflict.
/// </summary>
public sealed record SpecState(bool Quick, IReadOnlyDictionary<DocumentKind, ApprovalRecord> Approvals)
{
    public static SpecState Empty { get; } = new(false, new Dictionary<DocumentKind, ApprovalRecord>());

    public SpecState WithApproval(DocumentKind kind, ApprovalRecord approval)
    {
        var approvals = new Dictionary<DocumentKind, ApprovalRecord>(Approvals) { [kind] = approval };
        return this with { Approvals = approvals };
    }

    public static SpecState Parse(string json, string path)
    {
        try
        {
            var node = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("not an object");
            var approvals = new Dictionary<DocumentKind, ApprovalRecord>();
            if (node["approvals"] is JsonObject entries)
            {
                foreach (var (name, value) in entries)
                {
                    if (SpecLayout.TryParseDocument(name) is { } kind && value is JsonObject a)
                    {
                        approvals[kind] = new ApprovalRecord(
                            a["version"]?.GetValue<string>() ?? "",
                            a["by"]?.GetValue<string>() ?? "",
                            DateTimeOffset.Parse(a["at"]?.GetValue<string>() ?? "0001-01-01T00:00:00Z", CultureInfo.InvariantCulture),
                            a["note"]?.GetValue<string>());
                    }
                }
            }
            return new SpecState(node["quick"]?.GetValue<bool>() ?? false, approvals);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new KiroException("state_invalid",
                $"'{path}' is not valid ({e.Message}). Fix or delete the file (it holds approvals; deleting it means re-approving).");
        }
    }

    public string ToJson()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("quick", Quick);
            writer.WriteStartObject("approvals");
            foreach (var (kind, approval) in Approvals.OrderBy(a => a.Key))
            {
                writer.WriteStartObject(SpecLayout.Name(kind));
                writer.WriteString("version", approval.Version);
                writer.WriteString("by", approval.By);
                writer.WriteString("at", approval.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                if (approval.Note is not null)
                {
                    writer.WriteString("note", approval.Note);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
