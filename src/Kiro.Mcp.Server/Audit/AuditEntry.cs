using System.Text.Json;

namespace Kiro.Mcp.Server.Audit;

/// <summary>
/// One line of a workspace's audit log: a call that could change something. <see cref="Seq"/> numbers the
/// entries from 1 and <see cref="Prev"/> is the SHA-256 (hex) of the previous line's bytes, so an edited,
/// removed or moved line breaks the chain at the line after it (<see cref="AuditChain"/>).
/// </summary>
/// <param name="User">The caller's stable id (CallerIdentity.Id).</param>
/// <param name="Verified">True when the id comes from a checked token; false for the local user of stdio or loopback.</param>
/// <param name="Args">A summary of the arguments: short values as given, long text as its length and SHA-256.</param>
/// <param name="Result">"ok", or the error code of a failed call ("error" when it had none).</param>
/// <param name="Before">For a call on a spec: the versions of its documents that existed before the call (null: the spec did not exist or none was read).</param>
/// <param name="After">The same after the call.</param>
public sealed record AuditEntry(
    long Seq,
    string Prev,
    DateTimeOffset At,
    string User,
    string Name,
    bool Verified,
    string Workspace,
    string Tool,
    string? Spec,
    IReadOnlyDictionary<string, JsonElement> Args,
    string Result,
    IReadOnlyDictionary<string, string>? Before,
    IReadOnlyDictionary<string, string>? After)
{
    /// <summary>How entries are written and read: fixed camelCase names, compact, nulls kept so every line has every field.</summary>
    public static JsonSerializerOptions Json => AuditJsonContext.Default.Options;
}
