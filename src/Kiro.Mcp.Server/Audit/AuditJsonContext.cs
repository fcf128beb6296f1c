using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kiro.Mcp.Server.Audit;

/// <summary>How audit lines are written and read: fixed camelCase names, compact, nulls kept so every line has every field.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = false)]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
