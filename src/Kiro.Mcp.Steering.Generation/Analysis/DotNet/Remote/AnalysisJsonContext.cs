using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;

/// <summary>
/// The pipe's JSON, source-generated on both sides: the server is compiled ahead of time, where reflection-based
/// serialization does not work. Compact (one message per line) and without nulls.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalysisRequest))]
[JsonSerializable(typeof(AnalysisReply))]
public sealed partial class AnalysisJsonContext : JsonSerializerContext;
