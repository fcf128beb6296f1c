namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>The .NET side of the workspace.</summary>
/// <param name="Analysis">"msbuild" when MSBuild loaded every project, "mixed" when some, "project_files" when none (XML only).</param>
/// <param name="SdkVersion">The SDK global.json asks for, if any.</param>
/// <param name="SdkVersionFile">The global.json it comes from (the root's, else the shallowest below it).</param>
public sealed record DotNetFacts(
    IReadOnlyList<string> Solutions,
    IReadOnlyList<DotNetProject> Projects,
    string Analysis,
    IReadOnlyList<string> Notes,
    string? SdkVersion,
    bool CentralPackageManagement,
    string? SdkVersionFile = null)
{
    public static DotNetFacts None { get; } = new([], [], "none", [], null, false);
}
