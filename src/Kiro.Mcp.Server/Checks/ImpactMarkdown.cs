using Kiro.Mcp.Specs.Impact;

namespace Kiro.Mcp.Server.Checks;

/// <summary>The impact report as Markdown for a pull-request comment: per spec what changed, then the code earlier tasks wrote.</summary>
internal static class ImpactMarkdown
{
    public static void Write(ImpactReport report, TextWriter output)
    {
        var recheck = report.Specs.Sum(s => s.NeedsRecheck.Count);
        output.WriteLine($"### Spec impact of {report.Base[..7]}..{report.Head[..7]}");
        output.WriteLine();
        output.WriteLine($"{Count(report.FilesChanged, "file")} changed; {Count(report.Specs.Count, "spec")} changed; {Count(recheck, "done task")} to recheck; {Count(report.Files.Count, "code file")} written by earlier tasks.");
        foreach (var spec in report.Specs)
        {
            output.WriteLine();
            output.WriteLine($"#### {MarkdownText.Escape(spec.Spec)}");
            output.WriteLine();
            Line(output, "Documents", spec.Documents);
            Line(output, "Criteria added", spec.CriteriaAdded);
            Line(output, "Criteria reworded", spec.CriteriaReworded);
            Line(output, "Criteria removed", spec.CriteriaRemoved);
            Line(output, "Design sections", spec.DesignSections);
            Line(output, "Tasks added", spec.TasksAdded);
            Line(output, "Tasks reopened", spec.TasksReopened);
            Line(output, "Tasks removed", spec.TasksRemoved);
            foreach (var task in spec.NeedsRecheck)
            {
                output.WriteLine($"- **Recheck** task {MarkdownText.Escape(task.Task)} {MarkdownText.Escape(task.Title)} (cites {MarkdownText.Escape(string.Join(", ", task.Requirements))})");
            }
        }
        if (report.Files.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("#### Code written by earlier tasks");
            output.WriteLine();
            output.WriteLine("| file | tasks | requirements |");
            output.WriteLine("|---|---|---|");
            foreach (var file in report.Files)
            {
                var tasks = string.Join(", ", file.Tasks.Select(t => $"{t.Spec} {t.Task}"));
                var requirements = string.Join(", ", file.Tasks.SelectMany(t => t.Requirements).Distinct(StringComparer.Ordinal));
                output.WriteLine($"| {MarkdownText.Escape(file.Path)} | {MarkdownText.Escape(tasks)} | {MarkdownText.Escape(requirements)} |");
            }
        }
    }

    private static void Line(TextWriter output, string label, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            output.WriteLine($"- {label}: {MarkdownText.Escape(string.Join(", ", items))}");
        }
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
