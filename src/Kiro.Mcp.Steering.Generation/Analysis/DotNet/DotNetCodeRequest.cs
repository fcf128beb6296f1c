namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>What to read: the workspace's solutions and every project file found (workspace-relative).</summary>
/// <param name="Evaluate">
/// True to let MSBuild evaluate the projects, which runs the repository's own targets, tasks and property functions
/// (and writes obj/). False reads only the C# files in each project's folder, as syntax: nothing from the repository runs.
/// </param>
/// <param name="TestProjects">
/// Projects the project files mark as tests: still loaded (their references and frameworks count), but their C# is not
/// parsed, since the documents list no test namespaces (markdig's tests are half its C#).
/// </param>
public sealed record DotNetCodeRequest(
    string Root, IReadOnlyList<string> Solutions, IReadOnlyList<string> Projects, bool Evaluate, IProgress<string>? Progress, IReadOnlyList<string>? TestProjects = null);
