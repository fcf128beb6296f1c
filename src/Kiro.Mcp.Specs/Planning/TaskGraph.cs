using System.Text.RegularExpressions;
using Kiro.Mcp.Specs.Documents;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Planning;

/// <summary>
/// The dependencies between the tasks of one tasks.md. Edges come from three rules:
/// explicit <c>_Depends: 1.2, 3_</c> lines (our addition; Kiro ignores them), a parent after its
/// required sub-tasks, and a checkpoint after every required task above it. Optional (<c>*</c>) tasks
/// never hold anything up: Kiro lets them be skipped.
/// </summary>
public sealed partial class TaskGraph
{
    private readonly Dictionary<string, TaskItem> _tasks;
    private readonly Dictionary<string, List<TaskEdge>> _incoming;

    private TaskGraph(IReadOnlyList<TaskItem> tasks, List<TaskEdge> edges, List<string> errors)
    {
        Tasks = tasks;
        Edges = edges;
        Errors = errors;
        _tasks = tasks.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        _incoming = tasks.Select(t => t.Id).Distinct().ToDictionary(id => id, _ => new List<TaskEdge>());
        foreach (var edge in edges)
        {
            _incoming[edge.Task].Add(edge);
        }
    }

    /// <summary>Tasks in document order.</summary>
    public IReadOnlyList<TaskItem> Tasks { get; }

    public IReadOnlyList<TaskEdge> Edges { get; }

    /// <summary>Unknown ids in <c>_Depends:</c> lines and dependency cycles, as sentences.</summary>
    public IReadOnlyList<string> Errors { get; }

    public static TaskGraph Build(TasksDocument document)
    {
        var tasks = document.Tasks;
        var ids = tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var edges = new List<TaskEdge>();
        var errors = new List<string>();
        foreach (var task in tasks)
        {
            foreach (var dependency in ExplicitDependencies(task))
            {
                if (ids.Contains(dependency) && dependency != task.Id)
                {
                    edges.Add(new TaskEdge(dependency, task.Id, "depends"));
                }
                else
                {
                    errors.Add($"Task {task.Id} depends on '{dependency}', which is not another task of this spec.");
                }
            }
            if (task.ParentId is not null && ids.Contains(task.ParentId) && !task.Optional)
            {
                edges.Add(new TaskEdge(task.Id, task.ParentId, "subtask"));
            }
            if (task.Checkpoint)
            {
                // Everything above the checkpoint, except its own ancestors (they contain it).
                edges.AddRange(tasks.Where(t => t.Line < task.Line && !t.Checkpoint && !t.Optional && !IsAncestor(t.Id, task.Id))
                    .Select(t => new TaskEdge(t.Id, task.Id, "checkpoint")));
            }
        }
        var distinct = edges.DistinctBy(e => (e.DependsOn, e.Task)).ToList();
        var graph = new TaskGraph(tasks, distinct, errors);
        errors.AddRange(graph.Cycles().Select(cycle => $"Tasks {string.Join(" → ", cycle)} depend on each other in a cycle."));
        return graph;
    }

    /// <summary>The ids a task must wait for, directly.</summary>
    public IReadOnlyList<string> DependenciesOf(string id) =>
        _incoming.TryGetValue(id, out var edges) ? edges.Select(e => e.DependsOn).ToList() : [];

    /// <summary>A task is ready when it is not done and everything it depends on is done.</summary>
    public bool IsReady(TaskItem task) =>
        task.Status != TaskStatus.Done && DependenciesOf(task.Id).All(d => _tasks[d].Status == TaskStatus.Done);

    /// <summary>Required (non-optional) tasks that are ready, in document order: the first is the next task.</summary>
    public IReadOnlyList<TaskItem> ReadyRequired() => Tasks.Where(t => !t.Optional && IsReady(t)).ToList();

    /// <summary>
    /// Layers of tasks that can run in parallel: every task sits one wave after the latest of its
    /// dependencies. Tasks in a cycle are left out (they are reported in <see cref="Errors"/>).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Waves()
    {
        var depth = Depths();
        return depth.GroupBy(d => d.Value).OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<string>)g.Select(d => d.Key).OrderBy(id => _tasks[id].Line).ToList())
            .ToList();
    }

    /// <summary>The longest chain of dependent tasks, first to last: the least number of steps the whole plan needs.</summary>
    public IReadOnlyList<string> CriticalPath()
    {
        var depth = Depths();
        if (depth.Count == 0)
        {
            return [];
        }
        var path = new List<string> { depth.OrderByDescending(d => d.Value).ThenBy(d => _tasks[d.Key].Line).First().Key };
        while (DependenciesOf(path[^1]).Where(depth.ContainsKey).OrderByDescending(d => depth[d]).ThenBy(d => _tasks[d].Line).FirstOrDefault() is { } previous)
        {
            path.Add(previous);
        }
        path.Reverse();
        return path;
    }

    /// <summary>Files a task names in backticks (paths with a '/' or an extension), for overlap warnings.</summary>
    public static IReadOnlyList<string> FilesOf(TaskItem task) =>
        task.Details.Prepend(task.Title).SelectMany(t => FileName().Matches(t).Select(m => m.Groups["file"].Value)).Distinct().ToList();

    private static IEnumerable<string> ExplicitDependencies(TaskItem task) =>
        task.Details.Select(d => DependsLine().Match(d)).Where(m => m.Success)
            .SelectMany(m => Id().Matches(m.Groups["ids"].Value).Select(id => id.Value));

    private static bool IsAncestor(string candidate, string id) => id.StartsWith(candidate + ".", StringComparison.Ordinal);

    /// <summary>Wave index of every task outside a cycle (Kahn's algorithm).</summary>
    private Dictionary<string, int> Depths()
    {
        var remaining = _incoming.ToDictionary(p => p.Key, p => p.Value.Count);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new Queue<string>(remaining.Where(r => r.Value == 0).Select(r => r.Key));
        foreach (var id in ready)
        {
            depth[id] = 0;
        }
        var outgoing = Edges.ToLookup(e => e.DependsOn);
        while (ready.TryDequeue(out var id))
        {
            foreach (var edge in outgoing[id])
            {
                depth[edge.Task] = Math.Max(depth.GetValueOrDefault(edge.Task), depth[id] + 1);
                if (--remaining[edge.Task] == 0)
                {
                    ready.Enqueue(edge.Task);
                }
            }
        }
        return depth.Where(d => remaining[d.Key] == 0).ToDictionary(d => d.Key, d => d.Value);
    }

    private IEnumerable<IReadOnlyList<string>> Cycles()
    {
        var acyclic = Depths();
        var inCycle = _tasks.Keys.Where(id => !acyclic.ContainsKey(id)).ToHashSet();
        var reported = new HashSet<string>();
        foreach (var start in Tasks.Select(t => t.Id).Where(inCycle.Contains))
        {
            if (reported.Contains(start))
            {
                continue;
            }
            // Walk back along dependencies inside the cycle set until a task repeats.
            var path = new List<string> { start };
            var current = start;
            while (DependenciesOf(current).FirstOrDefault(inCycle.Contains) is { } next && !path.Contains(next))
            {
                path.Add(next);
                current = next;
            }
            var first = DependenciesOf(current).FirstOrDefault(inCycle.Contains);
            if (first is null)
            {
                continue;
            }
            var cycle = path.Skip(path.IndexOf(first)).Reverse().ToList();
            cycle.Add(cycle[0]);
            reported.UnionWith(cycle);
            yield return cycle;
        }
    }

    [GeneratedRegex(@"^[\s*_]*Depends(?:\s+on)?\s*:\s*(?<ids>[^\n]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DependsLine();

    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+)*(?!\d)")]
    private static partial Regex Id();

    [GeneratedRegex(@"`(?<file>[^`\s]*(?:/[^`\s]*|\.[A-Za-z0-9]{1,8}))`")]
    private static partial Regex FileName();
}
