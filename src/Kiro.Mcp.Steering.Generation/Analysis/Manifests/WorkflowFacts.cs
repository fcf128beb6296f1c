namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>A CI workflow: its name, what triggers it, and the shell commands its steps run.</summary>
public sealed record WorkflowFacts(string Path, string? Name, IReadOnlyList<string> Triggers, IReadOnlyList<string> Commands);
