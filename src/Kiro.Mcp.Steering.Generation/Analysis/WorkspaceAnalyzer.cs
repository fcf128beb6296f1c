using Kiro.Mcp.Steering.Generation.Analysis.Docs;
using Kiro.Mcp.Steering.Generation.Analysis.DotNet;
using Kiro.Mcp.Steering.Generation.Analysis.Git;
using Kiro.Mcp.Steering.Generation.Analysis.Manifests;

namespace Kiro.Mcp.Steering.Generation.Analysis;

/// <summary>Runs the analysers in order, reporting each step.</summary>
public static class WorkspaceAnalyzer
{
    public static RepositoryFiles Scan(string root, CancellationToken cancellationToken)
    {
        using var ignore = GitIgnore.Open(root);
        return RepositoryScanner.Scan(root, ignore is null ? null : ignore.IsIgnored, cancellationToken);
    }

    public static async Task<WorkspaceFacts> AnalyzeAsync(
        string root, RepositoryFiles files, Func<IDotNetCodeReader>? codeReader, string? noEvaluation, Action<string> step, IProgress<string>? detail, CancellationToken cancellationToken)
    {
        step("Reading the README and docs");
        var readme = await ReadmeReader.ReadAsync(root, files, cancellationToken);
        step("Reading manifests, Dockerfiles, CI workflows and Makefiles");
        var manifests = await ManifestAnalyzer.ReadAsync(root, files, cancellationToken);
        // Git history is read while the .NET analysis (mostly another process: the analysis program and MSBuild's
        // build host) runs; the steps are still reported in their order.
        var git = Task.Run(() => GitAnalyzer.Read(root, cancellationToken), cancellationToken);
        step(noEvaluation is null ? "Analysing .NET projects (MSBuild)" : "Analysing .NET projects (project files and C# syntax, without MSBuild)");
        DotNetFacts dotNet;
        try
        {
            dotNet = await DotNetAnalyzer.AnalyzeAsync(root, files, codeReader, noEvaluation, detail, cancellationToken);
        }
        finally
        {
            // Never leave the git read running past this call (a failure or cancellation above).
            await ((Task)git).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        step("Reading git history");
        return new WorkspaceFacts(files, readme, manifests, dotNet, await git);
    }
}
