using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Workflow;

/// <summary>
/// Our per-spec state (<see cref="SpecLayout.State"/>): quick mode, approvals, requests for changes and who
/// wrote each document's current version. Written deterministically — fixed key order, one field per line,
/// LF, final newline — so that two branches approving different documents merge without conflict. The
/// "changes" and "authors" sections are written only when they hold something, so a file that never had
/// them reads and writes exactly as before.
/// </summary>
public sealed record SpecState(bool Quick, IReadOnlyDictionary<DocumentKind, ApprovalRecord> Approvals)
{
    public static SpecState Empty { get; } = new(false, new Dictionary<DocumentKind, ApprovalRecord>());

    /// <summary>The latest request for changes of each document (see <see cref="ChangeRequest"/>).</summary>
    public IReadOnlyDictionary<DocumentKind, ChangeRequest> ChangeRequests { get; init; } = new Dictionary<DocumentKind, ChangeRequest>();

    /// <summary>Who wrote each document's latest version through the server.</summary>
    public IReadOnlyDictionary<DocumentKind, AuthorRecord> Authors { get; init; } = new Dictionary<DocumentKind, AuthorRecord>();

    /// <summary>Records an approval; it answers any request for changes of the document.</summary>
    public SpecState WithApproval(DocumentKind kind, ApprovalRecord approval)
    {
        var approvals = new Dictionary<DocumentKind, ApprovalRecord>(Approvals) { [kind] = approval };
        var changes = new Dictionary<DocumentKind, ChangeRequest>(ChangeRequests);
        changes.Remove(kind);
        return this with { Approvals = approvals, ChangeRequests = changes };
    }

    /// <summary>Records a request for changes. An earlier approval stays on record (it shows as stale once a new version is written).</summary>
    public SpecState WithChangeRequest(DocumentKind kind, ChangeRequest request) =>
        this with { ChangeRequests = new Dictionary<DocumentKind, ChangeRequest>(ChangeRequests) { [kind] = request } };

    public SpecState WithAuthor(DocumentKind kind, AuthorRecord author) =>
        this with { Authors = new Dictionary<DocumentKind, AuthorRecord>(Authors) { [kind] = author } };

    public static SpecState Parse(string json, string path)
    {
        try
        {
            var node = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("not an object");
            var approvals = Records(node, "approvals", a => new ApprovalRecord(
                a["version"]?.GetValue<string>() ?? "", ActorFields.Read(a), ActorFields.ReadTime(a), a["note"]?.GetValue<string>()));
            var changes = Records(node, "changes", c => new ChangeRequest(
                c["version"]?.GetValue<string>() ?? "", ActorFields.Read(c), ActorFields.ReadTime(c), c["comment"]?.GetValue<string>() ?? ""));
            var authors = Records(node, "authors", a => new AuthorRecord(
                a["version"]?.GetValue<string>() ?? "", ActorFields.Read(a), ActorFields.ReadTime(a)));
            return new SpecState(node["quick"]?.GetValue<bool>() ?? false, approvals) { ChangeRequests = changes, Authors = authors };
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
            WriteSection(writer, "approvals", Approvals, always: true, (w, approval) =>
            {
                w.WriteString("version", approval.Version);
                ActorFields.Write(w, approval.By);
                ActorFields.WriteTime(w, approval.At);
                if (approval.Note is not null)
                {
                    w.WriteString("note", approval.Note);
                }
            });
            WriteSection(writer, "changes", ChangeRequests, always: false, (w, request) =>
            {
                w.WriteString("version", request.Version);
                ActorFields.Write(w, request.By);
                ActorFields.WriteTime(w, request.At);
                w.WriteString("comment", request.Comment);
            });
            WriteSection(writer, "authors", Authors, always: false, (w, author) =>
            {
                w.WriteString("version", author.Version);
                ActorFields.Write(w, author.By);
                ActorFields.WriteTime(w, author.At);
            });
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static Dictionary<DocumentKind, T> Records<T>(JsonObject node, string section, Func<JsonObject, T> read)
    {
        var records = new Dictionary<DocumentKind, T>();
        if (node[section] is JsonObject entries)
        {
            foreach (var (name, value) in entries)
            {
                if (SpecLayout.TryParseDocument(name) is { } kind && value is JsonObject record)
                {
                    records[kind] = read(record);
                }
            }
        }
        return records;
    }

    private static void WriteSection<T>(Utf8JsonWriter writer, string section, IReadOnlyDictionary<DocumentKind, T> records, bool always, Action<Utf8JsonWriter, T> write)
    {
        if (records.Count == 0 && !always)
        {
            return;
        }
        writer.WriteStartObject(section);
        foreach (var (kind, record) in records.OrderBy(r => r.Key))
        {
            writer.WriteStartObject(SpecLayout.Name(kind));
            write(writer, record);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
