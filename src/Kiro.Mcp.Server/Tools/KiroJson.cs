using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// How results look on the wire: the SDK's defaults with enums as snake_case strings and no HTML escaping. Nulls stay in:
/// the output schema lists every property as required, and clients that validate (the TypeScript SDK)
/// reject a result that leaves one out. Type metadata comes from <see cref="KiroJsonContext"/>, never from reflection.
/// </summary>
public static class KiroJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serializes with <see cref="Options"/> through the source-generated metadata (no reflection, AOT-safe).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    public static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value, TypeInfo<T>());

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

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
        // Ours first: the SDK's chain (its own types, then Microsoft.Extensions.AI's) follows.
        options.TypeInfoResolverChain.Insert(0, KiroJsonContext.Default);
        // First, so they win over the string-enum converter the SDK's defaults add when reflection is on (C# names).
        // One generic converter per enum: the non-generic factory needs runtime code generation.
        foreach (var converter in SnakeCaseEnums.Converters)
        {
            options.Converters.Insert(0, converter);
        }
        options.MakeReadOnly();
        return options;
    }
}
