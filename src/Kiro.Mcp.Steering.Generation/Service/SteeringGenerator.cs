using System.Security.Cryptography;
using System.Text;
using Kiro.Mcp.Steering.Generation.Analysis;
using Kiro.Mcp.Steering.Generation.Analysis.DotNet;
using Kiro.Mcp.Steering.Generation.Analysis.Git;
using Kiro.Mcp.Steering.Generation.Rendering;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Generation.Service;

/// <summary>
/// Generates product.md, tech.md and structure.md into .kiro/steering. The analysis is cached by
/// repository state, so an unchanged rerun only scans the tree; files carry a marker so a hand edit is
/// never overwritten without force; writes go through the <see cref="FileStore"/> (atomic, versioned).
/// MSBuild evaluates the projects only in a workspace the user trusts (it runs the projects' own targets) and
/// never in a dry run (it writes obj/ folders): a dry run writes nothing anywhere.
/// </summary>
/// <param name="codeReader">Creates the Roslyn-based reader; invoked only when the workspace has .NET projects.</param>
public sealed class SteeringGenerator(FileStore store, Func<IDotNetCodeReader>? codeReader, WorkspaceTrust trust) : IDisposable
{
    /// <summary>Part of the cache key and of nothing written: bump it when analysis or rendering changes.</summary>
    private const string GeneratorVersion = "1";
    private const int Steps = 8;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedAnalysis? _cache;

    public async Task<SteeringGeneration> GenerateAsync(
        IReadOnlyList<string>? documents, bool force, bool dryRun, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        var names = SteeringDocuments.Parse(documents);
        var root = store.Root.FullPath;
        var step = 0;
        void Report(string message) => progress?.Report(new GenerationProgress(Math.Min(++step, Steps), Steps, message));

        // One generation at a time: a second caller waits and then finds the analysis cached.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Report("Scanning the workspace");
            var files = await Task.Run(() => WorkspaceAnalyzer.Scan(root, cancellationToken), cancellationToken);
            var key = StateKey(files, GitAnalyzer.Head(root));
            var trusted = trust.IsTrusted;
            var noEvaluation = !trusted ? "the workspace is not trusted" : dryRun ? "a dry run writes nothing, and MSBuild writes obj/ folders" : null;
            var cached = _cache is { } hit && hit.Key == key && hit.NoEvaluation == noEvaluation;
            WorkspaceFacts facts;
            if (cached)
            {
                facts = _cache!.Facts;
                step = Steps - 2;
                Report("Workspace unchanged since the last analysis: reusing it");
            }
            else
            {
                var detail = progress is null ? null : new Progress<string>(message => progress.Report(new GenerationProgress(step, Steps, message)));
                facts = await Task.Run(() => WorkspaceAnalyzer.AnalyzeAsync(root, files, codeReader, noEvaluation, Report, detail, cancellationToken), cancellationToken);
                _cache = new CachedAnalysis(key, noEvaluation, facts);
                step = Steps - 2;
            }

            Report("Rendering the steering documents");
            var rendered = names.ToDictionary(n => n, n => Render(n, facts));
            Report(dryRun ? "Comparing with .kiro/steering" : "Writing .kiro/steering");
            var results = new List<GeneratedDocument>();
            foreach (var name in names)
            {
                results.Add(await ApplyAsync(name, GeneratedMarker.Compose(rendered[name].Body), force, dryRun, cancellationToken));
            }
            var questions = rendered.Values.SelectMany(r => r.Questions).ToList();
            // The documents carry no absolute path, so how to trust (which names this folder) is said only in the result.
            IReadOnlyList<string> notes = facts.DotNet.Projects.Count > 0 && !trusted
                ? [.. facts.DotNet.Notes, trust.Untrusted("MSBuild did not evaluate its projects (evaluation runs the projects' own targets); tech.md and structure.md describe them from their files")]
                : facts.DotNet.Notes;
            return new SteeringGeneration(results, facts.DotNet.Analysis, notes, questions, cached, key, NextStep(results, questions, dryRun));
        }
        finally
        {
            _gate.Release();
        }
    }

    private static RenderedDocument Render(string name, WorkspaceFacts facts) => name switch
    {
        "product" => ProductRenderer.Render(facts),
        "tech" => TechRenderer.Render(facts),
        _ => StructureRenderer.Render(facts),
    };

    private async Task<GeneratedDocument> ApplyAsync(string name, string text, bool force, bool dryRun, CancellationToken cancellationToken)
    {
        var path = SteeringDocuments.PathOf(name);
        var current = await store.ReadAsync(path, cancellationToken);
        if (current is not null && current.Text == text)
        {
            return new GeneratedDocument(name, path, DocumentOutcome.Unchanged, false, current.Version, dryRun ? text : null, null);
        }
        var handEdited = current is not null && !GeneratedMarker.IsUntouched(current.Text);
        var outcome = current is null ? DocumentOutcome.Created
            : !handEdited ? DocumentOutcome.Updated
            : force ? DocumentOutcome.Overwritten
            : DocumentOutcome.KeptHandEdited;
        var diff = current is not null && (dryRun || outcome == DocumentOutcome.KeptHandEdited) ? UnifiedDiff.Create(path, current.Text, text) : null;
        if (dryRun || outcome == DocumentOutcome.KeptHandEdited)
        {
            return new GeneratedDocument(name, path, outcome, false, current?.Version, text, diff);
        }
        // The version read above guards against an editor saving the file in the meantime.
        var version = await store.WriteAsync(path, text, current?.Version ?? FileStore.Absent, cancellationToken);
        return new GeneratedDocument(name, path, outcome, true, version, null, null);
    }

    private static string StateKey(RepositoryFiles files, string? head)
    {
        var state = $"{GeneratorVersion}\n{head}\n{files.StateHash}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)))[..16];
    }

    private static string NextStep(List<GeneratedDocument> documents, List<string> questions, bool dryRun)
    {
        var kept = documents.Where(d => d.Outcome == DocumentOutcome.KeptHandEdited).Select(d => d.Path).ToList();
        var parts = new List<string>();
        if (dryRun)
        {
            parts.Add("Nothing was written (dry run). Review the content, then call steering_generate without dryRun to write it.");
        }
        if (kept.Count > 0)
        {
            parts.Add($"{string.Join(", ", kept)} {(kept.Count == 1 ? "was" : "were")} edited by hand and kept: show the user the diff and merge what they want by hand, or call again with force to replace.");
        }
        if (questions.Count > 0)
        {
            parts.Add($"Ask the user the {questions.Count} open question{(questions.Count == 1 ? "" : "s")} and write their answers into product.md (replacing the '> **Question for the user:**' lines).");
        }
        parts.Add("Read the documents with the user and correct anything inaccurate; they are included in every task context.");
        return string.Join(" ", parts);
    }

    public void Dispose() => _gate.Dispose();

    private sealed record CachedAnalysis(string Key, string? NoEvaluation, WorkspaceFacts Facts);
}
