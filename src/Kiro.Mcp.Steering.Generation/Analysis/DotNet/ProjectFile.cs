using Kiro.Mcp.Steering.Generation.Analysis.Manifests;

namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>A project as its XML (and the Directory.Build.props / Directory.Packages.props above it) declares it.</summary>
internal sealed record ProjectFile(
    string Path,
    string Name,
    string Language,
    string Sdk,
    IReadOnlyList<string> TargetFrameworks,
    string OutputKind,
    bool IsTestProject,
    IReadOnlyList<Dependency> Packages,
    IReadOnlyList<string> ProjectReferences);
