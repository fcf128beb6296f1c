using System.Text.Json;

namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>
/// The .NET side: project files read as XML for packages and test frameworks, then the code reader
/// (MSBuild through Roslyn) for what only an evaluation knows (output kind, target frameworks, the
/// reference graph, compiled files). When the reader fails, the XML facts stand and the notes say so.
/// </summary>
public static class DotNetAnalyzer
{
    /// <param name="noEvaluation">Why MSBuild must not evaluate the projects (untrusted workspace, dry run), for the notes; null to evaluate them.</param>
    public static async Task<DotNetFacts> AnalyzeAsync(
        string root, RepositoryFiles files, Func<IDotNetCodeReader>? codeReader, string? noEvaluation, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var projectPaths = files.Files.Where(IsProject).ToList();
        var solutions = files.Files.Where(f => f.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)).ToList();
        if (projectPaths.Count == 0)
        {
            return DotNetFacts.None;
        }
        var xml = new ProjectFileReader(root, files);
        var declared = projectPaths.Select(xml.Read).ToList();
        var notes = new List<string>();
        var code = new Dictionary<string, DotNetCodeProject>(StringComparer.Ordinal);
        if (noEvaluation is not null)
        {
            notes.Add($"MSBuild did not evaluate the projects ({noEvaluation}); facts come from the project files' XML and the C# files in each project's folder.");
        }
        if (codeReader is null)
        {
            notes.Add("No C# code reader is configured: facts come from the project files only.");
        }
        else
        {
            try
            {
                var result = await codeReader().ReadAsync(
                    new DotNetCodeRequest(root, solutions, projectPaths, noEvaluation is null, progress, declared.Where(IsTest).Select(p => p.Path).ToList()), cancellationToken);
                notes.AddRange(result.Notes);
                foreach (var project in result.Projects)
                {
                    code[project.Path] = project;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Never crash generation over the code model: the project files still describe the solution.
                notes.Add($"MSBuild could not be loaded ({e.GetType().Name}: {FirstLine(e.Message)}); facts come from the project files' XML only.");
            }
        }

        var projects = new List<DotNetProject>();
        foreach (var file in declared)
        {
            var read = code.GetValueOrDefault(file.Path);
            var fromMsBuild = read?.FromMsBuild == true;
            var test = TestFrameworks.Detect(file.Packages);
            var isTest = IsTest(file);
            projects.Add(new DotNetProject(
                file.Path,
                file.Name,
                file.Language,
                file.Sdk,
                fromMsBuild && read!.TargetFrameworks is { Count: > 0 } frameworks ? frameworks : file.TargetFrameworks,
                fromMsBuild && read!.OutputKind is { } kind ? kind : file.OutputKind,
                isTest,
                isTest ? test?.Framework : null,
                file.Packages,
                // MSBuild drops references that are build-order only (ReferenceOutputAssembly=false); the file still declares them.
                fromMsBuild && read!.ProjectReferences is { } references ? references.Union(file.ProjectReferences).Order(StringComparer.Ordinal).ToList() : file.ProjectReferences,
                read?.Code ?? DotNetCode.Empty));
        }
        var loaded = projects.Count(p => code.GetValueOrDefault(p.Path)?.FromMsBuild == true);
        var analysis = loaded == projects.Count ? "msbuild" : loaded == 0 ? "project_files" : "mixed";
        var (sdkVersion, sdkFile) = await SdkVersionAsync(root, files, cancellationToken);
        return new DotNetFacts(solutions, projects, analysis, notes, sdkVersion, projectPaths.Any(xml.UsesCentralPackages), sdkFile);
    }

    private static bool IsTest(ProjectFile file) =>
        file.IsTestProject || TestFrameworks.IsTestSdk(file.Packages) || TestFrameworks.Detect(file.Packages) is not null;

    public static bool IsProject(string path) =>
        path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The SDK version of the root's global.json, else of the shallowest one below it (markdig keeps its solution and
    /// global.json in src/), with the file it came from.
    /// </summary>
    private static async Task<(string? Version, string? File)> SdkVersionAsync(string root, RepositoryFiles files, CancellationToken cancellationToken)
    {
        var candidates = files.Files
            .Where(f => f == "global.json" || f.EndsWith("/global.json", StringComparison.Ordinal))
            .OrderBy(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal);
        foreach (var file in candidates)
        {
            if (await Manifests.ManifestAnalyzer.ReadTextAsync(root, file, cancellationToken) is { } text && Version(text) is { } version)
            {
                return (version, file);
            }
        }
        return (null, null);
    }

    private static string? Version(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("sdk", out var sdk) && sdk.ValueKind == JsonValueKind.Object
                && sdk.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String ? version.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
