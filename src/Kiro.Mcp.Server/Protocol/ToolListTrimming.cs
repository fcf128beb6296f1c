using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Kiro.Mcp.Server.Tools;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Protocol;

/// <summary>
/// Trims every tool's definition after the SDK builds it, because a client puts the whole of <c>tools/list</c>
/// into every conversation (tests/Kiro.Mcp.Server.Tests/ToolSurfaceTests.cs holds the budget).
/// </summary>
/// <remarks>
/// <para>
/// Output schemas describe a result's top level exactly (each property's type, null where it may be null,
/// enum, format, and the required list), and a nested object or array only by its kind. The full nested shapes were over half of the list, even with
/// repeated shapes shared, and no client needs them: validating clients (the TypeScript SDK's ajv) accept
/// every result against the top level, and the model reads the nested shape in the result itself.
/// </para>
/// <para>
/// Input schemas lose <c>"default": null</c>, which says nothing an absent argument does not. Annotations lose
/// the title the SDK copies from the tool's own <c>title</c>, and every hint equal to the protocol's default
/// (readOnlyHint false, destructiveHint true, idempotentHint false, openWorldHint true), which a client assumes
/// when the hint is absent; a read-only tool also loses destructiveHint and idempotentHint, which the protocol reads
/// only when readOnlyHint is false. Descriptions stay as the tools wrote them.
/// </para>
/// </remarks>
public static class ToolListTrimming
{
    private static readonly HashSet<Tool> Trimmed = new(ReferenceEqualityComparer.Instance);

    /// <summary>Trims each tool once: options are built per session (per request on stateless HTTP), the tools once.</summary>
    public static void Apply(McpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Sessions start concurrently; a JsonElement is two fields, so no two threads may write one at once.
        lock (Trimmed)
        {
            // A ListedTool is served from Tools/ToolList.json, which was trimmed when it was written (ToolList).
            foreach (var tool in (options.ToolCollection ?? []).Where(t => t is not ListedTool))
            {
                if (Trimmed.Add(tool.ProtocolTool))
                {
                    Trim(tool.ProtocolTool);
                }
            }
        }
    }

    internal static void Trim(Tool tool)
    {
        if (tool.OutputSchema is { ValueKind: JsonValueKind.Object } output)
        {
            tool.OutputSchema = TrimOutput(output);
        }
        tool.InputSchema = TrimInput(tool.InputSchema);
        if (tool.Annotations is { } annotations)
        {
            annotations.Title = annotations.Title == tool.Title ? null : annotations.Title;
            // A hint that says what the protocol assumes when it is absent says nothing.
            annotations.ReadOnlyHint = annotations.ReadOnlyHint == false ? null : annotations.ReadOnlyHint;
            annotations.DestructiveHint = annotations.DestructiveHint == true ? null : annotations.DestructiveHint;
            annotations.IdempotentHint = annotations.IdempotentHint == false ? null : annotations.IdempotentHint;
            annotations.OpenWorldHint = annotations.OpenWorldHint == true ? null : annotations.OpenWorldHint;
            // The protocol gives destructiveHint and idempotentHint meaning only when readOnlyHint is false: a tool that
            // changes nothing says nothing more with them.
            if (annotations.ReadOnlyHint == true)
            {
                annotations.DestructiveHint = null;
                annotations.IdempotentHint = null;
            }
        }
    }

    /// <summary>The root's own keywords and each top-level property reduced to its kind (see the remarks).</summary>
    internal static JsonElement TrimOutput(JsonElement schema) => Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var keyword in schema.EnumerateObject())
        {
            if (keyword.NameEquals("properties") && keyword.Value.ValueKind == JsonValueKind.Object)
            {
                writer.WriteStartObject(keyword.Name);
                foreach (var property in keyword.Value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteKind(writer, Resolve(schema, property.Value));
                }
                writer.WriteEndObject();
            }
            else if (keyword.Name is "type" or "required")
            {
                keyword.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
    });

    /// <summary>A property's type (object, array, string…, with null where it may be null), enum and format.</summary>
    private static void WriteKind(Utf8JsonWriter writer, JsonElement schema)
    {
        writer.WriteStartObject();
        if (schema.ValueKind == JsonValueKind.Object)
        {
            foreach (var keyword in schema.EnumerateObject())
            {
                if (keyword.Name is "type" or "enum" or "format")
                {
                    keyword.WriteTo(writer);
                }
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// Follows the SDK's local references (<c>#/properties/a/items</c>), since the shape they point into is
    /// trimmed away. Bounded, so a reference cycle cannot loop.
    /// </summary>
    private static JsonElement Resolve(JsonElement root, JsonElement schema)
    {
        for (var hops = 0; hops < 8 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
            && reference.GetString() is { } pointer && pointer.StartsWith("#/", StringComparison.Ordinal); hops++)
        {
            var target = root;
            foreach (var segment in pointer[2..].Split('/'))
            {
                var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(name, out target))
                {
                    return default;
                }
            }
            schema = target;
        }
        return schema;
    }

    /// <summary>Every top-level argument as it was, less a <c>"default": null</c>.</summary>
    internal static JsonElement TrimInput(JsonElement schema) => Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!keyword.NameEquals("properties") || keyword.Value.ValueKind != JsonValueKind.Object)
            {
                keyword.WriteTo(writer);
                continue;
            }
            writer.WriteStartObject(keyword.Name);
            foreach (var property in keyword.Value.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    property.WriteTo(writer);
                    continue;
                }
                writer.WriteStartObject(property.Name);
                foreach (var argumentKeyword in property.Value.EnumerateObject())
                {
                    if (!(argumentKeyword.NameEquals("default") && argumentKeyword.Value.ValueKind == JsonValueKind.Null))
                    {
                        argumentKeyword.WriteTo(writer);
                    }
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    });

    private static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // The relaxed encoder keeps ' and … as they are, as KiroJson does for results.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
