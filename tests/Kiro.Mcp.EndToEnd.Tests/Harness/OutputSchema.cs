using System.Text.Json;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// Checks structured content against a tool's output schema the way validating clients (the
/// TypeScript SDK) do: types, enums, required properties, nested objects, arrays and maps.
/// </summary>
public static class OutputSchema
{
    public static void AssertConforms(JsonElement schema, JsonElement value, string path = "$")
    {
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            Assert.True(types.Any(t => Matches(t, value)), $"{path}: a {value.ValueKind} where the schema says {string.Join("|", types)}");
        }
        if (schema.TryGetProperty("enum", out var values) && value.ValueKind == JsonValueKind.String)
        {
            Assert.Contains(value.GetString(), values.EnumerateArray().Select(v => v.GetString()));
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    Assert.True(value.TryGetProperty(name, out _), $"{path}: the required property '{name}' is missing");
                }
            }
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    AssertConforms(propertySchema, property.Value, $"{path}.{property.Name}");
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
                {
                    AssertConforms(additional, property.Value, $"{path}.{property.Name}");
                }
            }
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                AssertConforms(items, item, $"{path}[{index++}]");
            }
        }
    }

    private static bool Matches(string type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };
}
