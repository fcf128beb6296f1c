namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>A Dockerfile's base images (every stage) and exposed ports.</summary>
public sealed record DockerfileFacts(string Path, IReadOnlyList<string> BaseImages, IReadOnlyList<string> Ports);
