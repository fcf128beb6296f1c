namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Containers, CI and Makefile targets: the infrastructure around the code.</summary>
public sealed record ToolingFacts(
    IReadOnlyList<DockerfileFacts> Dockerfiles,
    IReadOnlyList<string> ComposeFiles,
    IReadOnlyList<WorkflowFacts> Workflows,
    IReadOnlyList<CommandFact> MakeTargets,
    IReadOnlyList<string> Scripts);
