using System.Text.Json;
using System.Text.Json.Serialization;
using Kiro.Mcp.Specs.Checks;
using Kiro.Mcp.Specs.Impact;
using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Server.Checks;

/// <summary>Source-generated JSON for the check and impact reports (no reflection: the server is built for Native AOT).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    Converters = [typeof(SeverityNameConverter)])]
[JsonSerializable(typeof(CheckReport))]
[JsonSerializable(typeof(SarifLog))]
[JsonSerializable(typeof(ImpactReport))]
internal sealed partial class CheckJsonContext : JsonSerializerContext;

/// <summary>Severities as the lower-case words the other formats use: "error", "warning", "info".</summary>
internal sealed class SeverityNameConverter() : JsonStringEnumConverter<FindingSeverity>(JsonNamingPolicy.CamelCase);
