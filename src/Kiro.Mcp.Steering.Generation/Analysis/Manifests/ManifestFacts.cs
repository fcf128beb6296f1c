namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Every manifest read, and the tooling around them.</summary>
public sealed record ManifestFacts(IReadOnlyList<EcosystemFacts> Ecosystems, ToolingFacts Tooling);
