using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// How results look on the wire: the SDK's defaults with enums as snake_case strings and no HTML escaping. Nulls stay in:
/// the output schema lists every property as required, and clients that validate (the TypeScript SDK)
/// reject a result that leaves one out.
/// </summary>
public static class KiroJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        // The SDK's defaults leave nulls out; ours must not (see above).
        // The default encoder escapes ', `, < and > for HTML that nobody renders here: a model then reads
        // "\u0027" where the document says "'". Results go to JSON-RPC, never into a page, so the relaxed
        // encoder (which still escapes what JSON itself requires) is safe.
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        // First, so it wins over the string-enum converter already in the SDK's defaults (which keeps C# names).
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }
}
