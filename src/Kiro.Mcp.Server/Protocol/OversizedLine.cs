using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Server.Protocol;

/// <summary>A stdin line dropped for its size: how long it was, and its first and last bytes to find its id.</summary>
public sealed partial record OversizedLine(long Length, byte[] Head, byte[] Tail)
{
    /// <summary>
    /// The JSON-RPC id, if the kept bytes show it: at the start (the C# SDK writes "id" before "params") or as the
    /// last member (the TypeScript SDK writes it after). Null when neither shows it: the error then has id null,
    /// as JSON-RPC says for a request whose id cannot be read.
    /// </summary>
    public RequestId? FindId() => IdInHead() ?? IdInTail();

    private RequestId? IdInHead()
    {
        try
        {
            var reader = new Utf8JsonReader(Head, isFinalBlock: false, default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            // Top-level members only; stop at the first value the kept bytes do not hold entirely.
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read())
                {
                    return null;
                }
                if (isId)
                {
                    return reader.TokenType switch
                    {
                        JsonTokenType.String => new RequestId(reader.GetString()!),
                        JsonTokenType.Number when reader.TryGetInt64(out var number) => new RequestId(number),
                        _ => null,
                    };
                }
                if (!reader.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: no id to answer.
        }
        return null;
    }

    private RequestId? IdInTail()
    {
        // The line's end: "id" as the object's last member is a top-level member, since the closing brace that
        // follows it is the message's own (a string cannot contain an unescaped quote).
        var match = TrailingId().Match(Encoding.UTF8.GetString(Tail));
        if (!match.Success)
        {
            return null;
        }
        if (match.Groups["number"].Success)
        {
            return long.TryParse(match.Groups["number"].Value, out var number) ? new RequestId(number) : null;
        }
        return new RequestId(match.Groups["text"].Value);
    }

    [GeneratedRegex("""[{,]\s*"id"\s*:\s*(?:(?<number>-?\d{1,18})|"(?<text>[^"\\]{0,200})")\s*}\s*$""")]
    private static partial Regex TrailingId();
}
