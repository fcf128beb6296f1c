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
        var rechecks = new List<TaskRecheck>();
        foreach (var task in tasks.Where(t => t.Status == Documents.TaskStatus.Done))
        {
            var run = snapshot.Runs.LastOrDefault(r => r.Task == task.Id && r.CompletedAt is not null && r.Basis is not null);
            if (run is null)
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
