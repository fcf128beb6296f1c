using Kiro.Mcp.Steering.Generation.Analysis.Manifests;

namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>One .NET project: what MSBuild (or, failing that, the project file) says, and its code model.</summary>
/// <param name="Path">Workspace-relative path of the project file.</param>
/// <param name="OutputKind">"exe", "winexe" or "library".</param>
/// <param name="TestFramework">"xUnit v3", "xUnit", "NUnit", "MSTest" or "TUnit" for test projects.</param>
/// <param name="ProjectReferences">Workspace-relative paths of referenced projects, sorted.</param>
public sealed record DotNetProject(
    string Path,
    string Name,
    string Language,
    string Sdk,
    IReadOnlyList<string> TargetFrameworks,
    string OutputKind,
    bool IsTest,
    string? TestFramework,
    IReadOnlyList<Dependency> Packages,
    IReadOnlyList<string> ProjectReferences,
    DotNetCode Code);
