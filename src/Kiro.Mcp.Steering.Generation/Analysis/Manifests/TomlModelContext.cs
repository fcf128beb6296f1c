using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Compile-time metadata for Tomlyn's untyped model: its reflection serializer does not run in a native (AOT) build.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class TomlModelContext : TomlSerializerContext;
