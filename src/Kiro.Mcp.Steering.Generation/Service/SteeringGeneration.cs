namespace Kiro.Mcp.Steering.Generation.Service;

/// <summary>The result of steering_generate.</summary>
/// <param name="DotNetAnalysis">"msbuild", "mixed", "project_files", or "none" without .NET projects.</param>
/// <param name="Notes">What the analysis could not do (e.g. MSBuild failed to load), in plain words.</param>
/// <param name="Questions">What product.md could not find in the README or docs: ask the user.</param>
/// <param name="Cached">True when the workspace was unchanged since the last analysis and its facts were reused.</param>
/// <param name="StateKey">A hash of the repository state the analysis describes (HEAD and every file's path, size and time).</param>
public sealed record SteeringGeneration(
    IReadOnlyList<GeneratedDocument> Documents,
    string DotNetAnalysis,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Questions,
    bool Cached,
    string StateKey,
    string NextStep);
