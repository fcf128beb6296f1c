using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Execution;

/// <summary>
/// Finds done tasks whose acceptance criteria or design sections changed after they were completed,
/// by comparing each completed run's <see cref="TaskRun.Basis"/> with the spec as it is now.
/// </summary>
public static class TaskDrift
{
    /// <summary>The hashes of the criteria and design sections a task is built against, as they are in <paramref name="snapshot"/>.</summary>
    public static Dictionary<string, string> BasisOf(SpecSnapshot snapshot, TaskItem task)
    {
        var basis = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var requirement in snapshot.Documents.Requirements?.Requirements ?? [])
        {
            foreach (var criterion in requirement.Criteria.Where(c => task.Requirements.Contains(c.Id) || task.Requirements.Contains(requirement.Id)))
            {
                basis[$"criterion {criterion.Id}"] = FileStore.ComputeVersion(criterion.Text);
            }
        }
        foreach (var section in TaskContextBuilder.DesignSectionsFor(snapshot, task))
        {
            basis[$"design: {section.Title}"] = FileStore.ComputeVersion(section.Text);
        }
        return basis;
    }

    public static IReadOnlyList<TaskRecheck> Find(SpecSnapshot snapshot)
    {
        var tasks = snapshot.Documents.Tasks?.Tasks ?? [];
        if (!tasks.Any(t => t.Status == Documents.TaskStatus.Done))
        {
            // No done task, nothing to recheck: the run log is not even parsed.
            return [];
        }
        // The last completed run of each task, found in one pass (not one pass over every run per task).
        var lastRuns = new Dictionary<string, TaskRun>(StringComparer.Ordinal);
        foreach (var run in snapshot.Runs)
        {
            if (run.CompletedAt is not null && run.Basis is not null)
            {
                lastRuns[run.Task] = run;
            }
        }
        var rechecks = new List<TaskRecheck>();
        foreach (var task in tasks.Where(t => t.Status == Documents.TaskStatus.Done))
        {
            if (!lastRuns.TryGetValue(task.Id, out var run))
            {
                continue;
            }
            var now = BasisOf(snapshot, task);
            var changed = run.Basis!.Where(b => !now.TryGetValue(b.Key, out var hash) || hash != b.Value).Select(b => b.Key).ToList();
            if (changed.Count > 0)
            {
                rechecks.Add(new TaskRecheck(task.Id, task.Line, changed));
            }
        }
        return rechecks;
    }
}
