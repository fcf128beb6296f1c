using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Validation;

/// <summary>
/// Lints a spec: the EARS form and numbering of requirements (or bugfix clauses), the sections of the
/// design, and the cross-references from design and tasks back to the criteria, plus criteria coverage.
/// Pure and deterministic: the same documents always give an equal report, in a fixed order.
/// </summary>
public static class SpecValidator
{
    public static ValidationReport Validate(SpecDocuments documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var requirements = documents.Requirements;
        var references = requirements is null ? null : new ReferenceIndex(requirements);

        var findings = new List<Finding>();
        if (requirements is not null)
        {
            findings.AddRange(RequirementsRules.Check(requirements));
        }
        if (documents.Design is not null)
        {
            findings.AddRange(DesignRules.Check(documents.Design, requirements?.Kind == DocumentKind.Bugfix, references));
        }
        if (documents.Tasks is not null)
        {
            findings.AddRange(TaskRules.Check(documents.Tasks, references));
        }

        var coverage = CoverageOf(documents.Tasks, references);
        if (documents.Tasks is not null && references is not null)
        {
            foreach (var id in coverage.Uncovered)
            {
                findings.Add(new Finding(FindingSeverity.Warning, FindingCodes.CriterionUncovered, "tasks", 0,
                    $"Criterion {id} is not cited by any task: \"{Excerpt.Of(references.Criterion(id).Text)}\".",
                    $"Add '{id}' to the _Requirements:_ line of the task that implements it, or add a task for it."));
            }
        }

        return new ValidationReport(Order(findings), coverage);
    }

    /// <summary>The one order of findings: by document (requirements or bugfix, design, tasks), then line, then code.</summary>
    public static IReadOnlyList<Finding> Order(IEnumerable<Finding> findings) =>
        // OrderBy is stable, so findings of one line and code keep the order the rules emitted them in.
        findings
            .OrderBy(f => Rank(f.Document))
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ToList();

    private static Coverage CoverageOf(TasksDocument? tasks, ReferenceIndex? references)
    {
        if (references is null)
        {
            return new Coverage(0, 0, []);
        }
        var uncovered = tasks is null ? references.CriterionIds : TaskRules.Uncovered(tasks, references);
        return new Coverage(references.CriterionIds.Count, references.CriterionIds.Count - uncovered.Count, uncovered);
    }

    private static int Rank(string document) => document switch
    {
        "requirements" or "bugfix" => 0,
        "design" => 1,
        _ => 2,
    };
}
