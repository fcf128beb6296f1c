using Kiro.Mcp.Steering.Generation.Analysis.DotNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace Kiro.Mcp.Steering.Generation.Roslyn;

/// <summary>
/// Opens the workspace's solutions (and projects outside them) with Roslyn's MSBuildWorkspace. Roslyn 5
/// evaluates projects in a separate build-host process that locates the .NET SDK itself, so no
/// MSBuildLocator registration is needed in this process. A project MSBuild cannot load (no SDK, a
/// broken file, F#) is still described: its C# files are read from its folder and the notes say so. Without
/// <see cref="DotNetCodeRequest.Evaluate"/> (an untrusted workspace, a dry run) MSBuild is never started and every
/// project is described that way: parsing C# runs nothing from the repository and writes nothing.
/// </summary>
public sealed class MsBuildCodeReader : IDotNetCodeReader
{
    private const int MaxNotes = 5;

    public async Task<DotNetCodeResult> ReadAsync(DotNetCodeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var loaded = new Dictionary<string, DotNetCodeProject>(StringComparer.Ordinal);
        var failures = new List<string>();
        var notes = new List<string>();
        if (request.Evaluate)
        {
            try
            {
                await LoadAsync(request, loaded, failures, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                notes.Add($"MSBuild could not be loaded ({e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}); facts come from the project files' XML and the C# files in each project's folder.");
            }
        }
        var fallback = request.Projects.Where(p => !loaded.ContainsKey(p)).ToList();
        if (fallback.Count > 0 && notes.Count == 0 && request.Evaluate)
        {
            notes.Add($"MSBuild did not load {fallback.Count} of {request.Projects.Count} projects ({string.Join(", ", fallback.Take(MaxNotes))}{(fallback.Count > MaxNotes ? ", …" : "")}); they are described from their project files' XML.");
        }
        notes.AddRange(failures.Distinct().Order(StringComparer.Ordinal).Take(MaxNotes).Select(f => "MSBuild: " + f));
        foreach (var project in fallback)
        {
            cancellationToken.ThrowIfCancellationRequested();
            loaded[project] = new DotNetCodeProject(project, false, null, null, null, await ScanFolderAsync(request, project, cancellationToken));
        }
        return new DotNetCodeResult(request.Projects.Select(p => loaded[p]).ToList(), notes);
    }

    private static async Task LoadAsync(DotNetCodeRequest request, Dictionary<string, DotNetCodeProject> loaded, List<string> failures, CancellationToken cancellationToken)
    {
        using var workspace = MSBuildWorkspace.Create();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                lock (failures)
                {
                    failures.Add(Relative(request.Root, e.Diagnostic.Message));
                }
            }
        });
        foreach (var solution in request.Solutions)
        {
            request.Progress?.Report($"Opening {solution} with MSBuild");
            try
            {
                await workspace.OpenSolutionAsync(Path.Combine(request.Root, solution), cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                failures.Add($"{solution}: {e.Message.Split('\n')[0].Trim()}");
            }
        }
        foreach (var project in request.Projects)
        {
            if (workspace.CurrentSolution.Projects.Any(p => Relative(request.Root, p.FilePath) == project))
            {
                continue;
            }
            // With solutions, a project in none of them is a variant or a stray (markdig's signed build of the same
            // sources): another full design-time build for little news, so its files describe it instead.
            if (request.Solutions.Count > 0)
            {
                continue;
            }
            request.Progress?.Report($"Opening {project} with MSBuild");
            try
            {
                await workspace.OpenProjectAsync(Path.Combine(request.Root, project), cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
                failures.Add($"{project}: {e.Message.Split('\n')[0].Trim()}");
            }
        }
        var solutionNow = workspace.CurrentSolution;
        // A file compiled into several projects (markdig's signed build of the same sources) is parsed once.
        var parsed = new System.Collections.Concurrent.ConcurrentDictionary<string, SyntaxNode?>(StringComparer.Ordinal);
        // A multi-targeted project appears once per target framework: merge them.
        foreach (var group in solutionNow.Projects.GroupBy(p => Relative(request.Root, p.FilePath)).Where(g => g.Key.Length > 0))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = group.OrderBy(p => p.Name, StringComparer.Ordinal).First();
            request.Progress?.Report($"Reading the code of {group.Key}");
            var sources = first.Documents
                .Select(d => (Path: Relative(request.Root, d.FilePath), Document: d))
                .Where(d => d.Path.Length > 0 && !d.Path.Contains("/obj/", StringComparison.Ordinal) && !d.Path.StartsWith("obj/", StringComparison.Ordinal))
                .ToList();
            if (IsTest(request, group.Key))
            {
                sources.Clear();
            }
            // Parsing is CPU-bound and independent per file: every core, not one.
            var roots = new SyntaxNode?[sources.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), cancellationToken, async (i, token) =>
                roots[i] = parsed.TryGetValue(sources[i].Path, out var known) ? known : parsed[sources[i].Path] = await sources[i].Document.GetSyntaxRootAsync(token));
            var documents = sources.Select((s, i) => (s.Path, Root: roots[i])).Where(d => d.Root is not null).Select(d => (d.Path, d.Root!)).ToList();
            documents.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
            var frameworks = group.Select(TargetFramework).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            var references = group.SelectMany(p => p.ProjectReferences)
                .Select(r => Relative(request.Root, solutionNow.GetProject(r.ProjectId)?.FilePath))
                .Where(r => r.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
            var kind = first.CompilationOptions?.OutputKind switch
            {
                OutputKind.ConsoleApplication => "exe",
                OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication => "winexe",
                _ => "library",
            };
            // A project MSBuild loads but lists no C# files for (serilog's core library: imported .targets without a Compile
            // target) would otherwise count as loaded and empty: its folder's files describe it better.
            var code = documents.Count == 0 && group.Key.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && !IsTest(request, group.Key)
                ? await ScanFolderAsync(request, group.Key, cancellationToken)
                : CSharpSyntaxScanner.Scan(documents);
            if (documents.Count == 0 && code.Files > 0)
            {
                lock (failures)
                {
                    failures.Add($"{group.Key}: MSBuild listed no C# files; they were read from the project's folder");
                }
            }
            loaded[group.Key] = new DotNetCodeProject(group.Key, true, kind, frameworks, references, code);
        }
    }

    private static bool IsTest(DotNetCodeRequest request, string project) => request.TestProjects?.Contains(project) == true;

    /// <summary>"App(net8.0)" for a multi-targeted project; otherwise the folder MSBuild writes the output to (bin/Debug/net10.0).</summary>
    private static string? TargetFramework(Project project)
    {
        var open = project.Name.LastIndexOf('(');
        if (open > 0 && project.Name.EndsWith(')'))
        {
            return project.Name[(open + 1)..^1];
        }
        var folder = Path.GetFileName(Path.GetDirectoryName(project.OutputFilePath));
        return folder is not null && folder.StartsWith("net", StringComparison.OrdinalIgnoreCase) ? folder : null;
    }

    private static async Task<Analysis.DotNet.DotNetCode> ScanFolderAsync(DotNetCodeRequest request, string project, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(project)?.Replace('\\', '/') ?? "";
        var prefix = folder.Length == 0 ? "" : folder + "/";
        // Files of nested projects belong to those projects.
        var nested = request.Projects.Where(p => p != project).Select(p => Path.GetDirectoryName(p)!.Replace('\\', '/') + "/")
            .Where(p => p.Length > prefix.Length && p.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        if (!project.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || IsTest(request, project))
        {
            return Analysis.DotNet.DotNetCode.Empty;
        }
        var full = folder.Length == 0 ? request.Root : Path.Combine(request.Root, folder);
        var files = new List<(string Path, string File)>();
        foreach (var file in Directory.EnumerateFiles(full, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var path = Relative(request.Root, file);
            var segments = path.Split('/');
            if (path.Length == 0 || segments.Any(s => s is "bin" or "obj" or "node_modules" or ".git") || nested.Any(n => path.StartsWith(n, StringComparison.Ordinal)))
            {
                continue;
            }
            files.Add((path, file));
        }
        var roots = new SyntaxNode[files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), cancellationToken, async (i, token) =>
            roots[i] = CSharpSyntaxScanner.Parse(await File.ReadAllTextAsync(files[i].File, token), files[i].Path));
        var documents = files.Select((f, i) => (f.Path, roots[i])).ToList();
        documents.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return CSharpSyntaxScanner.Scan(documents);
    }

    /// <summary>A path (or every absolute path inside a message) relative to the workspace, '/'-separated; "" for outside or null.</summary>
    private static string Relative(string root, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "";
        }
        if (!Path.IsPathRooted(path))
        {
            return path.Replace(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        }
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? "" : relative;
    }
}
