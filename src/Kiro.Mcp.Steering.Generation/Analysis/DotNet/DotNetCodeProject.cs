namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>
/// One project as the reader saw it. <paramref name="FromMsBuild"/> is false when MSBuild could not load
/// it and the code was read from the files under its folder; then the other MSBuild facts are null.
/// </summary>
public sealed record DotNetCodeProject(
    string Path,
    bool FromMsBuild,
    string? OutputKind,
    IReadOnlyList<string>? TargetFrameworks,
    IReadOnlyList<string>? ProjectReferences,
    DotNetCode Code);
