using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Validation;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Bench;

/// <summary>
/// The document layer in process, over every real Kiro spec in ../shared/fixtures/kiro: parse each
/// document, validate each spec, and rewrite losslessly (a section replaced by itself, every task's
/// checkbox flipped and flipped back). One pass covers all fixtures; the median pass is reported as
/// throughput. A rewrite that changes a byte stops the run: a fast wrong answer is not a result.
/// </summary>
internal static class DocumentsBench
{
    public static readonly string[] Options = ["--passes"];

    private const int WarmUpPasses = 5;

    public static int Run(BenchArgs args)
    {
        var passes = args.Positive("--passes", 30);
        var specs = LoadSpecs(RepoRoot.Fixtures());
        var files = specs.Sum(s => s.Files.Count);
        var bytes = specs.Sum(s => s.Files.Sum(f => Encoding.UTF8.GetByteCount(f.Text)));
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fixtures: {specs.Count} specs, {files} documents, {bytes / 1024.0:F1} KB; passes={passes} (after {WarmUpPasses} warm-up passes)"));

        var parse = new Samples("parse");
        var validate = new Samples("validate");
        var rewrite = new Samples("rewrite");
        var total = new Samples("all three");
        for (var pass = 0; pass < WarmUpPasses + passes; pass++)
        {
            var measured = pass >= WarmUpPasses;
            var stopwatch = Stopwatch.StartNew();
            var parsed = specs.Select(Parse).ToList();
            var parseTime = stopwatch.Elapsed;
            foreach (var documents in parsed)
            {
                SpecValidator.Validate(documents);
            }
            var validateTime = stopwatch.Elapsed - parseTime;
            foreach (var spec in specs)
            {
                foreach (var file in spec.Files)
                {
                    RewriteLosslessly(file);
                }
            }
            var rewriteTime = stopwatch.Elapsed - parseTime - validateTime;
            if (measured)
            {
                parse.Add(parseTime);
                validate.Add(validateTime);
                rewrite.Add(rewriteTime);
                total.Add(stopwatch.Elapsed);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"step",-12} {"median pass",12} {"p95 pass",10} {"documents/s",12} {"MB/s",8}");
        foreach (var samples in new[] { parse, validate, rewrite, total })
        {
            var seconds = samples.Median / 1000.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{samples.Name,-12} {samples.Median,9:F2} ms {samples.P95,7:F2} ms {files / seconds,12:F0} {bytes / (1024.0 * 1024.0) / seconds,8:F1}"));
        }
        return 0;
    }

    private static SpecDocuments Parse(FixtureSpec spec)
    {
        RequirementsDocument? requirements = null;
        DesignDocument? design = null;
        TasksDocument? tasks = null;
        foreach (var file in spec.Files)
        {
            switch (file.Name)
            {
                case "requirements.md": requirements = RequirementsParser.Parse(file.Text); break;
                case "bugfix.md": requirements = RequirementsParser.ParseBugfix(file.Text); break;
                case "design.md": design = DesignParser.Parse(file.Text); break;
                case "tasks.md": tasks = TasksParser.Parse(file.Text); break;
                default: break;
            }
        }
        return new SpecDocuments(requirements, design, tasks);
    }

    /// <summary>
    /// What a write does to one document: the largest uniquely named section replaced by itself (outline
    /// parse plus splice, as spec_write does for a section), and in tasks.md every checkbox flipped and back.
    /// </summary>
    private static void RewriteLosslessly(FixtureFile file)
    {
        var text = file.Text;
        var headings = MarkdownOutline.Parse(text);
        var largest = headings
            .Where(h => headings.Count(o => o.Text.Equals(h.Text, StringComparison.OrdinalIgnoreCase)) == 1)
            .MaxBy(h => h.End - h.Start);
        if (largest is not null)
        {
            Check(file, DocumentEditor.ReplaceSection(text, largest.Text, text[largest.Start..largest.End]));
        }
        if (file.Name == "tasks.md")
        {
            foreach (var task in TasksParser.Parse(text).Tasks)
            {
                var other = task.Status == TaskStatus.Done ? TaskStatus.NotStarted : TaskStatus.Done;
                var flipped = DocumentEditor.SetTaskStatus(text, task, other);
                Check(file, DocumentEditor.SetTaskStatus(flipped, task, task.Status));
            }
        }
    }

    private static void Check(FixtureFile file, string rewritten)
    {
        if (!string.Equals(rewritten, file.Text, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A lossless rewrite changed {file.Path}.");
        }
    }

    private static List<FixtureSpec> LoadSpecs(string fixtures)
    {
        string[] names = ["requirements.md", "bugfix.md", "design.md", "tasks.md"];
        return Directory.EnumerateDirectories(fixtures, "*", SearchOption.AllDirectories)
            .Where(d => Path.GetFileName(Path.GetDirectoryName(d)) == "specs")
            .Order(StringComparer.Ordinal)
            .Select(d => new FixtureSpec(names
                .Select(n => Path.Combine(d, n))
                .Where(File.Exists)
                // Decoded without stripping a BOM, so the rewrite check covers BOM and CRLF files as they are.
                .Select(p => new FixtureFile(p, Path.GetFileName(p), new UTF8Encoding(false).GetString(File.ReadAllBytes(p))))
                .ToList()))
            .Where(s => s.Files.Count > 0)
            .ToList();
    }

    private sealed record FixtureSpec(IReadOnlyList<FixtureFile> Files);

    private sealed record FixtureFile(string Path, string Name, string Text);
}
