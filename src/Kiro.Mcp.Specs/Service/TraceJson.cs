using System.Text.Json.Serialization;

namespace Kiro.Mcp.Specs.Service;

/// <summary>A criterion's trace as measured for paging (default options), with compile-time metadata: no reflection, AOT-safe.</summary>
[JsonSerializable(typeof(CriterionTrace))]
internal sealed partial class TraceJson : JsonSerializerContext;
