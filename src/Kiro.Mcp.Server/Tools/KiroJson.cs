using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// How results look on the wire: the SDK's defaults with enums as snake_case strings. Nulls stay in:
/// the output schema lists every property as required, and clients that validate (the TypeScript SDK)
/// reject a result that leaves one out.
/// </summary>
public static class KiroJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        // The SDK's defaults leave nulls out; ours must not (see above).
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        // First, so it wins over the string-enum converter already in the SDK's defaults (which keeps C# names).
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }
}
