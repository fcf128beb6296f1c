using System.Globalization;
using System.Text.Json;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Audit;

/// <summary>Filters and pages an audit log for audit_list: by user (id or name), spec and time, newest first.</summary>
public static class AuditQuery
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static async Task<AuditPage> PageAsync(
        AuditLog? log, string? user, string? spec, string? from, string? to, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var size = InputRange.Check("limit", limit, DefaultPageSize, 1, MaxPageSize);
        var after = Time("from", from);
        var before = Time("to", to);
        long? below = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            below = long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0 ? seq
                : throw new KiroException("cursor_invalid", $"'{cursor}' is not a cursor of audit_list. Pass the nextCursor of the previous page, or leave cursor out for the first page.");
        }
        // Newest first: keep the last size+1 matches below the cursor while reading the log once, oldest first.
        var kept = new Queue<AuditEntry>(size + 1);
        if (log is not null)
        {
            await foreach (var entry in log.ReadAsync(cancellationToken))
            {
                if ((below is null || entry.Seq < below)
                    && (user is null || entry.User == user || entry.Name == user)
                    && (spec is null || entry.Spec == spec)
                    && (after is null || entry.At >= after)
                    && (before is null || entry.At <= before))
                {
                    if (kept.Count == size + 1)
                    {
                        kept.Dequeue();
                    }
                    kept.Enqueue(entry);
                }
            }
        }
        var newest = kept.Reverse().Select(e => JsonSerializer.SerializeToElement(e, AuditJsonContext.Default.AuditEntry)).ToList();
        return newest.Count > size
            ? new AuditPage(newest[..size], kept.ElementAt(1).Seq.ToString(CultureInfo.InvariantCulture))
            : new AuditPage(newest, null);
    }

    private static DateTimeOffset? Time(string name, string? value) =>
        string.IsNullOrEmpty(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time
        : throw new KiroException("argument_invalid", $"'{name}' must be a date and time such as 2026-12-07T09:00:00Z; '{value}' is not.");
}
