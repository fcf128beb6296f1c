using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kiro.Mcp.Server.Audit;

/// <summary>
/// The hash chain of an audit log. Each line names the SHA-256 of the line before it (the first names
/// <see cref="Genesis"/>) and carries its own position, so editing a line breaks the link of the line after
/// it, removing or moving one breaks the link (and the numbering) where it was. What a chain cannot show
/// on its own is the loss of the last lines (docs/team.md#verifying-the-audit-log says how to keep copies).
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>SHA-256 of a line's bytes, without its line break, as lowercase hex.</summary>
    public static string Hash(ReadOnlySpan<byte> line) => Convert.ToHexStringLower(SHA256.HashData(line));

    public static string Hash(string line) => Hash(Encoding.UTF8.GetBytes(line));

    /// <summary>Checks every link of the log in <paramref name="stream"/> and reports the first broken one.</summary>
    public static async Task<AuditVerification> VerifyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var expectedPrev = Genesis;
        long number = 0;
        await foreach (var (line, terminated) in AuditLines.ReadAsync(stream, cancellationToken))
        {
            number++;
            if (!terminated)
            {
                return new AuditVerification(number, number, "the line has no line break: the log was cut off in the middle of an entry.");
            }
            var text = Encoding.UTF8.GetString(line);
            AuditEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize(text, AuditJsonContext.Default.AuditEntry);
            }
            catch (JsonException e)
            {
                return new AuditVerification(number, number, $"the line is not an audit entry ({e.Message}).");
            }
            if (entry is null || entry.Prev is null)
            {
                return new AuditVerification(number, number, "the line is not an audit entry.");
            }
            if (entry.Prev != expectedPrev)
            {
                var why = number == 1
                    ? "the first line does not start the chain: lines before it were removed."
                    : $"it does not carry the hash of line {number - 1}: line {number - 1} was edited, or lines between them were removed or moved.";
                return new AuditVerification(number, number, why);
            }
            if (entry.Seq != number)
            {
                return new AuditVerification(number, number, $"it is entry {entry.Seq} at line {number}: lines were removed or moved.");
            }
            expectedPrev = Hash(line);
        }
        return new AuditVerification(number, null, null);
    }
}
