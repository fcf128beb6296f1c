using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Planning;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Workflow;

namespace Kiro.Mcp.Specs.Export;

/// <summary>Builds the export model of a spec: every requirement, criterion and task with its stable id.</summary>
public static class SpecModel
{
    public static ExportedSpec Of(SpecSnapshot snapshot)
    {
        var name = snapshot.Name;
        var requirements = snapshot.Documents.Requirements?.Requirements ?? [];
        var tasks = snapshot.Documents.Tasks?.Tasks ?? [];
        var graph = TaskGraph.Build(snapshot.Documents.Tasks ?? new TasksDocument([], [], []));
        // A hand-edited document can repeat a number; the repeat gets "~2" so every id stays unique.
        var taskIds = Unique(tasks.Select(t => t.Id));
        var criterionIds = Unique(requirements.SelectMany(r => r.Criteria).Select(c => c.Id));
        var criterionIdOf = requirements.SelectMany(r => r.Criteria).Select((c, i) => (c, i)).ToDictionary(x => x.c, x => criterionIds[x.i]);
        var cited = tasks.Select(t => CitedCriteria(t, requirements).Select(c => criterionIdOf[c]).ToList()).ToList();

        var exportedRequirements = Unique(requirements.Select(r => r.Id)).Zip(requirements, (id, r) => new ExportedRequirement(
            ExportIds.Requirement(name, id), r.Id, r.Title, r.UserStory,
            r.Criteria.Select(c => new ExportedCriterion(
                ExportIds.Criterion(name, criterionIdOf[c]), c.Id, c.Text,
                Enumerable.Range(0, tasks.Count).Where(i => cited[i].Contains(criterionIdOf[c])).Select(i => ExportIds.Task(name, taskIds[i])).ToList())).ToList())).ToList();

        // "1.1" under a "## Wave 1" heading has no task 1: it is a top-level task of its own.
        var known = tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var exportedTasks = tasks.Select((t, i) => new ExportedTask(
            ExportIds.Task(name, taskIds[i]), t.Id, t.ParentId is not null && known.Contains(t.ParentId) ? ExportIds.Task(name, t.ParentId) : null, t.Title,
            SpecService.StatusName(t.Status), t.Optional, t.Checkpoint,
            cited[i].Select(c => ExportIds.Criterion(name, c)).ToList(),
            graph.DependenciesOf(t.Id).Select(d => ExportIds.Task(name, d)).ToList(),
            t.Details)).ToList();

        return new ExportedSpec(
            name,
            snapshot.Config.SpecId,
            SpecConfig.TypeName(snapshot.Config.Type),
            SpecConfig.WorkflowName(snapshot.Config.Workflow),
            SpecProgress.Of(snapshot).Phase,
            snapshot.Workflow.Order.ToDictionary(SpecLayout.Name, snapshot.ApprovalOf),
            exportedRequirements,
            exportedTasks);
    }

    /// <summary>
    /// The criteria a task cites, in document order. A requirement cited whole ("_Requirements: 2_")
    /// stands for all its criteria; a citation of nothing that exists is left out (spec_validate reports it).
    /// </summary>
    private static IEnumerable<Criterion> CitedCriteria(TaskItem task, IReadOnlyList<Requirement> requirements) =>
        requirements.SelectMany(r => r.Criteria.Where(c => task.Requirements.Contains(c.Id) || task.Requirements.Contains(r.Id)));

    private static List<string> Unique(IEnumerable<string> ids)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return ids.Select(id =>
        {
            var count = seen[id] = seen.GetValueOrDefault(id) + 1;
            return count == 1 ? id : $"{id}~{count}";
        }).ToList();
    }
}
