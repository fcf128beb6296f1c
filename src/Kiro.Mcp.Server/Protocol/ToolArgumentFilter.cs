using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Protocol;

/// <summary>
/// Checks a tool call's arguments against the tool's input schema before the SDK binds them, and refuses a
/// mismatch with JSON-RPC -32602 naming the argument. Without it a number for <c>spec</c> or a string for
/// <c>limit</c> fails inside the SDK's binding and comes back as an anonymous "An error occurred invoking".
/// </summary>
/// <remarks>
/// Checks what binding would trip over: JSON types (with "null" only where the schema allows it), required
/// arguments, enums of strings, and the same recursively for array items and object properties. Unknown
/// arguments pass, as they do in the SDK (clients add their own).
/// </remarks>
public static class ToolArgumentFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Tools(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (context, cancellationToken) =>
        {
            if (FindTool(context) is { } tool && Problem(tool.ProtocolTool.InputSchema, context.Params?.Arguments) is { } problem)
            {
                throw new McpProtocolException($"Invalid params for tool '{tool.ProtocolTool.Name}': {problem}", McpErrorCode.InvalidParams);
            }
            return next(context, cancellationToken);
        };

    private static McpServerTool? FindTool(RequestContext<CallToolRequestParams> context)
    {
        if (context.MatchedPrimitive is McpServerTool matched)
        {
            return matched;
        }
        return context.Params?.Name is { } name && context.Server.ServerOptions.ToolCollection is { } tools && tools.TryGetPrimitive(name, out var tool)
            ? tool
            : null;
    }

    /// <summary>The first argument that does not fit the schema, as a sentence naming it; null when all fit.</summary>
    internal static string? Problem(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var provided = arguments ?? new Dictionary<string, JsonElement>();
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!))
            {
                if (!provided.ContainsKey(name))
                {
                    return $"the argument '{name}' is required.";
                }
            }
        }
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var (name, value) in provided)
        {
            if (properties.TryGetProperty(name, out var property) && ValueProblem(property, value, name) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static string? ValueProblem(JsonElement schema, JsonElement value, string path)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
                : type.ValueKind == JsonValueKind.String ? [type.GetString()!] : [];
            if (types.Count > 0 && !types.Any(t => Matches(t, value)))
            {
                return $"the argument '{path}' must be {string.Join(" or ", types.Select(Article))}, not {Describe(value)}.";
            }
        }
        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            && values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
            // Case-insensitive, as the string-enum converter that binds them reads them.
            && !values.EnumerateArray().Any(v => string.Equals(v.GetString(), value.GetString(), StringComparison.OrdinalIgnoreCase)))
        {
            return $"the argument '{path}' must be one of {string.Join(", ", values.EnumerateArray().Select(v => $"'{v.GetString()}'"))}.";
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (ValueProblem(items, item, $"{path}[{index++}]") is { } problem)
                {
                    return problem;
                }
            }
        }
        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (properties.TryGetProperty(property.Name, out var propertySchema) && ValueProblem(propertySchema, property.Value, $"{path}.{property.Name}") is { } problem)
                {
                    return problem;
                }
            }
        }
        return null;
    }

    private static bool Matches(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Article(string type) => type switch
    {
        "integer" or "array" or "object" => "an " + type,
        "null" => "null",
        _ => "a " + type,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
