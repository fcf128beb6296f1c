using System.Text.RegularExpressions;
using Kiro.Mcp.Specs.Documents;

namespace Kiro.Mcp.Specs.Validation;

/// <summary>The checks of tasks.md: well-formed, unique tasks that cite existing requirements.</summary>
internal static partial class TaskRules
{
    public static IReadOnlyList<Finding> Check(TasksDocument tasks, ReferenceIndex? references)
    {
        var findings = new FindingList("tasks");
        if (tasks.Tasks.Count == 0)
        {
            findings.Error(FindingCodes.TasksMissing, 0,
                "tasks.md has no tasks.",
                $"Add a numbered checkbox list such as '- [ ] 1. <Title>' with '_Requirements: {references?.Example ?? "1.1"}_' under each task.");
        }

        foreach (var line in tasks.Malformed)
        {
            findings.Error(FindingCodes.TaskMalformed, line.Line,
                $"This line looks like a task but cannot be read ({line.Reason}): \"{Excerpt.Of(line.Text)}\".",
                "Write tasks as '- [ ] 1. Title' or '  - [ ] 1.2 Title': a checkbox [ ], [~], [-] or [x], an optional '*' right after it, then the task number.");
        }

        foreach (var (id, line, firstLine) in Numbering.Duplicates(tasks.Tasks.Select(t => (t.Id, t.Line))))
        {
            findings.Error(FindingCodes.TaskDuplicateId, line,
                $"Task {id} appears twice (lines {firstLine} and {line}).",
                "Renumber the tasks so each id is unique: top-level tasks 1, 2, 3, … and the sub-tasks of task N as N.1, N.2, ….");
        }

        if (references is not null)
        {
            CheckReferences(tasks, references, findings);
        }
        CheckTasksWithoutRequirements(tasks, references, findings);
        return findings.Items;
    }

    /// <summary>Criterion ids in document order that no task cites.</summary>
    public static IReadOnlyList<string> Uncovered(TasksDocument tasks, ReferenceIndex references)
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in tasks.Tasks.SelectMany(t => t.Requirements))
        {
            covered.UnionWith(references.Resolve(reference) ?? []);
        }
        return references.CriterionIds.Where(id => !covered.Contains(id)).ToList();
    }

    private static void CheckReferences(TasksDocument tasks, ReferenceIndex references, FindingList findings)
    {
        foreach (var task in tasks.Tasks)
        {
            foreach (var reference in task.Requirements.Select(ReferenceIndex.Normalize).Distinct(StringComparer.Ordinal))
            {
                if (references.Resolve(reference) is null)
                {
                    findings.Error(FindingCodes.ReferenceUnknown, task.RequirementsLine > 0 ? task.RequirementsLine : task.Line,
                        $"Task {task.Id} cites requirement '{reference}', which is not a criterion in {references.FileName}.",
                        $"Cite existing criterion ids such as '{references.Example}', or add the missing criterion to {references.FileName}.");
                }
            }
        }
    }

    private static void CheckTasksWithoutRequirements(TasksDocument tasks, ReferenceIndex? references, FindingList findings)
    {
        // A reference anywhere in a task's family counts: Kiro's older plans put them on the sub-tasks
        // only, and some authors put them on the parent only ("everything under 2 implements 1.3").
        var citing = tasks.Tasks.Where(t => t.Requirements.Count > 0).Select(t => t.Id).ToList();
        foreach (var task in tasks.Tasks)
        {
            if (task.Requirements.Count > 0 || IsCheckpoint(task) || citing.Any(id => Related(id, task.Id)))
            {
                continue;
            }
            findings.Warning(FindingCodes.TaskWithoutRequirement, task.Line,
                $"Task {task.Id} ('{Excerpt.Of(task.Title)}') cites no requirement, and neither does its parent or any sub-task.",
                $"Add '_Requirements: {references?.Example ?? "1.1"}_' under the task, naming the criteria it implements.");
        }
    }

    private static bool Related(string a, string b) =>
        a.StartsWith(b + ".", StringComparison.Ordinal) || b.StartsWith(a + ".", StringComparison.Ordinal);

    // Checkpoints verify, they implement nothing; Kiro titles them "Checkpoint - ..." or "Final checkpoint".
    private static bool IsCheckpoint(TaskItem task) => task.Checkpoint || CheckpointWord().IsMatch(task.Title);

    [GeneratedRegex(@"\bcheckpoint\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheckpointWord();
}
