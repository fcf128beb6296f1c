using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace Kiro.Mcp.Server.Tools;

/// <summary>How results look on the wire: the SDK's defaults, enums as snake_case strings, nulls left out to save tokens.</summary>
public static class KiroJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }
}
