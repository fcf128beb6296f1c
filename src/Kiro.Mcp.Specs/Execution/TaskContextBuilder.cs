using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Planning;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Workflow;

namespace Kiro.Mcp.Specs.Execution;

/// <summary>Assembles a <see cref="TaskContext"/> from a spec snapshot, most relevant text first, within a character budget.</summary>
public static class TaskContextBuilder
{
    /// <summary>About 8,000 tokens at four characters a token.</summary>
    public const int Budget = 32_000;

    /// <summary>The rules Kiro gives its own agent for spec tasks.</summary>
    public static IReadOnlyList<string> Rules { get; } =
    [
        "Focus on this one task only; do not implement other tasks.",
        "If the task has sub-tasks, do the sub-tasks first.",
        "Verify the implementation against every acceptance criterion listed.",
        "When done, call task_complete (it runs the verification), then stop and let the user review.",
    ];

    public static async Task<TaskContext> BuildAsync(SpecSnapshot snapshot, TaskItem task, TaskView view, ISteeringSource steering, CancellationToken cancellationToken)
    {
        // A criterion that is still the template's placeholder says nothing to implement: leave it out.
        var criteria = CitedCriteria(snapshot, task)
            .Where(x => TemplatePlaceholders.FirstIn(snapshot.Workflow.CriteriaSource, x.Criterion.Text) is null)
            .Select(x => new ContextCriterion(x.Criterion.Id, x.Criterion.Text,
                x.Requirement.Title is null ? $"Requirement {x.Requirement.Id}" : $"Requirement {x.Requirement.Id}: {x.Requirement.Title}",
                x.Requirement.UserStory))
            .ToList();

        var used = criteria.Sum(c => c.Text.Length + (c.UserStory?.Length ?? 0)) + task.Details.Sum(d => d.Length) + task.Title.Length;
        var truncated = false;
        var design = Fit(DesignSectionsFor(snapshot, task), ref used, ref truncated);
        var files = TaskGraph.FilesOf(task);
        var steeringSections = Fit(await steering.ForFilesAsync(files, cancellationToken), ref used, ref truncated);
        return new TaskContext(snapshot.Name, view, task.Details, criteria, design, steeringSections, Rules, truncated);
    }

    /// <summary>The acceptance criteria a task cites, by criterion id or by whole requirement.</summary>
    public static IEnumerable<(Requirement Requirement, Criterion Criterion)> CitedCriteria(SpecSnapshot snapshot, TaskItem task) =>
        (snapshot.Documents.Requirements?.Requirements ?? [])
            .SelectMany(r => r.Criteria.Select(c => (Requirement: r, Criterion: c)))
            .Where(x => task.Requirements.Contains(x.Criterion.Id) || task.Requirements.Contains(x.Requirement.Id));

    /// <summary>
    /// The design sections relevant to a task, in the design's order: Overview; sections whose heading
    /// names something the task names; the parts of Components and Interfaces, Data Models and Error
    /// Handling that mention the task's functions, types or files; and the properties validating its criteria.
    /// </summary>
    public static IEnumerable<ContextSection> DesignSectionsFor(SpecSnapshot snapshot, TaskItem task)
    {
        if (snapshot.Documents.Design is not { } design || snapshot.Files.GetValueOrDefault(DocumentKind.Design) is not { } file)
        {
            yield break;
        }
        var taskText = string.Join(' ', task.Details.Prepend(task.Title));
        var terms = CodeTerms.Of(taskText);
        var properties = design.Properties.Where(p => p.Validates.Any(task.Requirements.Contains)).Select(p => p.Line).ToHashSet();
        var headings = design.Headings;
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            // Cut only when needed: the first heading's body is most of the design, and this runs per task.
            string? body = null;
            var chosen = heading.Text.Equals("Overview", StringComparison.OrdinalIgnoreCase)
                || (heading.Level >= 3 && Name(heading.Text).Length >= 4 && taskText.Contains(Name(heading.Text), StringComparison.OrdinalIgnoreCase))
                || properties.Contains(heading.Line)
                || (IsLeaf(headings, i) && InCodeSection(headings, i) && terms.Any(t => CodeTerms.Mentions(heading.Text, t) || CodeTerms.Mentions(body ??= file.Text[heading.BodyStart..heading.End], t)));
            if (chosen)
            {
                yield return new ContextSection(heading.Text, (body ?? file.Text[heading.BodyStart..heading.End]).Trim());
            }
        }
    }

    // The sections where Kiro's designs define what tasks implement (the rest is prose about them).
    private static readonly string[] CodeSections = ["Components and Interfaces", "Data Models", "Error Handling"];

    /// <summary>True when the heading at <paramref name="index"/> is one of <see cref="CodeSections"/> or inside one.</summary>
    private static bool InCodeSection(IReadOnlyList<Heading> headings, int index)
    {
        for (var i = index; i >= 0; i--)
        {
            if (headings[i].Level <= 2 && (i == index || headings[i].Level < headings[index].Level))
            {
                return CodeSections.Any(c => Name(headings[i].Text).Equals(c, StringComparison.OrdinalIgnoreCase));
            }
        }
        return false;
    }

    /// <summary>A section with no sub-sections: a parent's body holds its children, which are chosen on their own.</summary>
    private static bool IsLeaf(IReadOnlyList<Heading> headings, int index) =>
        index + 1 >= headings.Count || headings[index + 1].Level <= headings[index].Level;

    /// <summary>"1. Workout Log" → "Workout Log": the component's name without its numbering.</summary>
    private static string Name(string heading) => heading.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', ' ').Trim();

    private static List<ContextSection> Fit(IEnumerable<ContextSection> sections, ref int used, ref bool truncated)
    {
        var kept = new List<ContextSection>();
        foreach (var section in sections)
        {
            var room = Budget - used;
            if (room <= 200)
            {
                truncated = true;
                break;
            }
            var text = section.Text.Length <= room ? section.Text : section.Text[..room] + " …";
            truncated |= text.Length != section.Text.Length;
            used += text.Length + section.Title.Length;
            kept.Add(section with { Text = text });
        }
        return kept;
    }
}
