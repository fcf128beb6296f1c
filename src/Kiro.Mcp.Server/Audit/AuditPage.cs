using System.Text.Json;

namespace Kiro.Mcp.Server.Audit;

/// <summary>
/// One page of audit entries, newest first, each as its log line reads (see <see cref="AuditEntry"/>);
/// <see cref="NextCursor"/> fetches the older ones. Entries stay plain JSON so the tool's output schema,
/// paid for in every tools/list, stays small.
/// </summary>
public sealed record AuditPage(IReadOnlyList<JsonElement> Entries, string? NextCursor);
