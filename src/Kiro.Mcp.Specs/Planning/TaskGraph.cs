using System.Runtime.CompilerServices;
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
    // The graph of each parse, built once: a parse is shared by every call until tasks.md changes.
    private static readonly ConditionalWeakTable<TasksDocument, TaskGraph> Built = [];

    // Each id's position in Tasks (the first, for a duplicated id); the same for every status of a plan.
    private readonly Dictionary<string, int> _positions;
    private IReadOnlyList<TaskItem>? _readyRequired;
    /// <summary>Checkpoint edges made the plain way (one per task above) before checkpoints wait through the previous one.</summary>
    public const int MaxCheckpointEdges = 100_000;

    // Real plans nest two or three levels deep.
    private const int MaxAncestors = 16;

    // How many tasks are handled between two looks at the cancellation token.
    private const int CancellationStride = 1024;

    private readonly Dictionary<string, List<TaskEdge>> _incoming;
    private readonly HashSet<string> _duplicated;
    private Dictionary<string, int>? _depths;

    private TaskGraph(IReadOnlyList<TaskItem> tasks, List<TaskEdge> edges, List<string> errors)
    {
        Tasks = tasks;
        Edges = edges;
        Errors = errors;
        _positions = new Dictionary<string, int>(StringComparer.Ordinal);
        _incoming = new Dictionary<string, List<TaskEdge>>(StringComparer.Ordinal);
        _duplicated = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            // A duplicated id is the first task of that id (the validator reports the duplicate).
            if (!_positions.TryAdd(tasks[i].Id, i))
            {
                _duplicated.Add(tasks[i].Id);
            }
            _incoming.TryAdd(tasks[i].Id, []);
        }
        foreach (var edge in edges)
        {
            _incoming[edge.Task].Add(edge);
        }
    }

    /// <summary>The same plan with other statuses: edges, errors and depths depend on no status and are shared.</summary>
    private TaskGraph(TaskGraph plan, IReadOnlyList<TaskItem> tasks)
    {
        Tasks = tasks;
        Edges = plan.Edges;
        Errors = plan.Errors;
        _positions = plan._positions;
        _incoming = plan._incoming;
        _duplicated = plan._duplicated;
        _depths = plan._depths;
    }

    /// <summary>The graph of <paramref name="document"/>, built on its first use and then kept with it.</summary>
    internal static TaskGraph Of(TasksDocument document, CancellationToken cancellationToken)
    {
        if (!Built.TryGetValue(document, out var graph))
        {
            graph = BuildCancellable(document, cancellationToken);
            Built.AddOrUpdate(document, graph);
        }
        return graph;
    }

    /// <summary>
    /// Records the graph of <paramref name="changed"/>, a document that differs from <paramref name="original"/>
    /// only in statuses (a status change moves nothing), as the original's graph with the new tasks.
    /// </summary>
    internal static void StatusesChanged(TasksDocument original, TasksDocument changed)
    {
        if (Built.TryGetValue(original, out var graph) && original.Tasks.Count == changed.Tasks.Count)
        {
            Built.AddOrUpdate(changed, new TaskGraph(graph, changed.Tasks));
        }
    }

    /// <summary>Tasks in document order.</summary>
    public IReadOnlyList<TaskItem> Tasks { get; }

    public IReadOnlyList<TaskEdge> Edges { get; }

    /// <summary>Unknown ids in <c>_Depends:</c> lines and dependency cycles, as sentences.</summary>
    public IReadOnlyList<string> Errors { get; }

    public static TaskGraph Build(TasksDocument document) => BuildCancellable(document, CancellationToken.None);

    /// <summary>
    /// Builds the graph in time linear in the tasks and edges. A checkpoint waits for every required task
    /// above it; once that has made <see cref="MaxCheckpointEdges"/> edges, later checkpoints wait for the
    /// required tasks since the previous checkpoint and for that checkpoint, which waited for the ones
    /// before: the same order, without an edge from each task to each checkpoint (a plan of many
    /// checkpoints would otherwise have the square of its size in edges). Not an overload
    /// of <see cref="Build(TasksDocument)"/>, so that test analyzers do not ask every caller for a token.
    /// </summary>
    internal static TaskGraph BuildCancellable(TasksDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tasks = document.Tasks;
        var byId = new Dictionary<string, TaskItem>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            byId.TryAdd(task.Id, task);
        }
        var edges = new List<TaskEdge>();
        var errors = new List<string>();
        var checkpoints = new List<int>();
        var (requiredAbove, checkpointEdges) = (0, 0);
        for (var index = 0; index < tasks.Count; index++)
        {
            if (index % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var task = tasks[index];
            foreach (var dependency in ExplicitDependencies(task))
            {
                if (byId.ContainsKey(dependency) && dependency != task.Id)
                {
                    edges.Add(new TaskEdge(dependency, task.Id, "depends"));
                }
                else
                {
                    errors.Add($"Task {task.Id} depends on '{dependency}', which is not another task of this spec.");
                }
            }
            if (task.ParentId is not null && byId.ContainsKey(task.ParentId) && !task.Optional)
            {
                edges.Add(new TaskEdge(task.Id, task.ParentId, "subtask"));
            }
            if (task.Checkpoint)
            {
                var before = edges.Count;
                // Every task above, as Kiro means it, while that stays small; through the previous checkpoint past that.
                var throughPrevious = checkpointEdges + requiredAbove > MaxCheckpointEdges;
                CheckpointEdges(tasks, byId, throughPrevious ? checkpoints : [], index, edges);
                checkpointEdges += edges.Count - before;
                if (!task.Optional)
                {
                    checkpoints.Add(index);
                }
            }
            else if (!task.Optional)
            {
                requiredAbove++;
            }
        }
        var seen = new HashSet<(string, string)>();
        var distinct = edges.Where(e => seen.Add((e.DependsOn, e.Task))).ToList();
        var graph = new TaskGraph(tasks, distinct, errors);
        errors.AddRange(graph.Cycles(cancellationToken).Select(cycle => $"Tasks {string.Join(" → ", cycle)} depend on each other in a cycle."));
        return graph;
    }

    /// <summary>How many tasks have this id (more than one is a mistake the validator reports): 0, 1 or 2 for "several".</summary>
    internal int CountOf(string id) => !_positions.ContainsKey(id) ? 0 : _duplicated.Contains(id) ? 2 : 1;

    /// <summary>The task of an id (the first, when the id is duplicated), or null.</summary>
    public TaskItem? Task(string id) => _positions.TryGetValue(id, out var position) ? Tasks[position] : null;

    /// <summary>The ids a task must wait for, directly.</summary>
    public IReadOnlyList<string> DependenciesOf(string id) =>
        _incoming.TryGetValue(id, out var edges) ? edges.Select(e => e.DependsOn).ToList() : [];

    /// <summary>A task is ready when it is not done and everything it depends on is done.</summary>
    public bool IsReady(TaskItem task) =>
        task.Status != TaskStatus.Done && (!_incoming.TryGetValue(task.Id, out var edges) || edges.TrueForAll(e => Tasks[_positions[e.DependsOn]].Status == TaskStatus.Done));

    /// <summary>Required (non-optional) tasks that are ready, in document order: the first is the next task.</summary>
    /// <remarks>Worked out once per graph: a graph's tasks, statuses included, never change (a status change makes a new graph).</remarks>
    public IReadOnlyList<TaskItem> ReadyRequired() => _readyRequired ??= Tasks.Where(t => !t.Optional && IsReady(t)).ToList();

    /// <summary>
    /// Layers of tasks that can run in parallel: every task sits one wave after the latest of its
    /// dependencies. Tasks in a cycle are left out (they are reported in <see cref="Errors"/>).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Waves()
    {
        var depth = Depths(CancellationToken.None);
        var waves = new List<List<string>>();
        // Document order within a wave: walk the tasks once and drop each into its wave.
        foreach (var task in Tasks)
        {
            if (ReferenceEquals(Tasks[_positions[task.Id]], task) && depth.TryGetValue(task.Id, out var wave))
            {
                while (waves.Count <= wave)
                {
                    waves.Add([]);
                }
                waves[wave].Add(task.Id);
            }
        }
        return waves.Where(w => w.Count > 0).Select(w => (IReadOnlyList<string>)w).ToList();
    }

    /// <summary>The longest chain of dependent tasks, first to last: the least number of steps the whole plan needs.</summary>
    public IReadOnlyList<string> CriticalPath()
    {
        var depth = Depths(CancellationToken.None);
        if (depth.Count == 0)
        {
            return [];
        }
        var path = new List<string> { depth.OrderByDescending(d => d.Value).ThenBy(d => Tasks[_positions[d.Key]].Line).First().Key };
        while (_incoming[path[^1]].Select(e => e.DependsOn).Where(depth.ContainsKey).OrderByDescending(d => depth[d]).ThenBy(d => Tasks[_positions[d]].Line).FirstOrDefault() is { } previous)
        {
            path.Add(previous);
        }
        path.Reverse();
        return path;
    }

    /// <summary>Files a task names in backticks (paths with a '/' or an extension), for overlap warnings.</summary>
    public static IReadOnlyList<string> FilesOf(TaskItem task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Details.Prepend(task.Title).SelectMany(FileNames).Distinct().ToList();
    }

    /// <summary>
    /// The edges of the checkpoint at <paramref name="index"/>: the previous required checkpoint that does
    /// not contain it, the required tasks after that one, and that one's ancestors (it does not wait for
    /// them: they contain it). Never its own ancestors, which contain it. With no checkpoints given, every
    /// required task above. When ids do not follow the nesting (the previous checkpoint waits for a task
    /// that contains this one), the tasks above the previous checkpoint are not waited for: such a file is
    /// reported by the validator, and a complete order for it is not worth the square of its size.
    /// </summary>
    private static void CheckpointEdges(IReadOnlyList<TaskItem> tasks, Dictionary<string, TaskItem> byId, List<int> checkpoints, int index, List<TaskEdge> edges)
    {
        var checkpoint = tasks[index];
        var previous = -1;
        for (var i = checkpoints.Count - 1; i >= 0; i--)
        {
            if (!IsAncestor(tasks[checkpoints[i]].Id, checkpoint.Id))
            {
                previous = checkpoints[i];
                break;
            }
        }
        // Waiting through the previous checkpoint is only the same as waiting for everything above when
        // that checkpoint waits for nothing that contains this one (ids that do not follow the nesting).
        var usable = previous >= 0 && !Ancestors(checkpoint.Id, byId).Any(a => a.Line < tasks[previous].Line && !IsAncestor(a.Id, tasks[previous].Id));
        if (usable)
        {
            edges.Add(new TaskEdge(tasks[previous].Id, checkpoint.Id, "checkpoint"));
            foreach (var ancestor in Ancestors(tasks[previous].Id, byId))
            {
                if (!ancestor.Checkpoint && !ancestor.Optional && !IsAncestor(ancestor.Id, checkpoint.Id) && ancestor.Line < checkpoint.Line)
                {
                    edges.Add(new TaskEdge(ancestor.Id, checkpoint.Id, "checkpoint"));
                }
            }
        }
        for (var i = previous + 1; i < index; i++)
        {
            var task = tasks[i];
            if (task.Line < checkpoint.Line && !task.Checkpoint && !task.Optional && !IsAncestor(task.Id, checkpoint.Id))
            {
                edges.Add(new TaskEdge(task.Id, checkpoint.Id, "checkpoint"));
            }
        }
    }

    /// <summary>
    /// The tasks whose ids are prefixes of <paramref name="id"/> ("1" and "1.2" for "1.2.3"), nearest first;
    /// no more than <see cref="MaxAncestors"/>, so an id of thousands of levels costs no more than a real one.
    /// </summary>
    private static IEnumerable<TaskItem> Ancestors(string id, Dictionary<string, TaskItem> byId)
    {
        var levels = 0;
        for (var dot = id.LastIndexOf('.'); dot > 0 && levels++ < MaxAncestors; dot = id.LastIndexOf('.', dot - 1))
        {
            if (byId.TryGetValue(id[..dot], out var ancestor))
            {
                yield return ancestor;
            }
        }
    }

    private static IEnumerable<string> ExplicitDependencies(TaskItem task) =>
        task.Details.Select(d => DependsLine().Match(d)).Where(m => m.Success)
            .SelectMany(m => Id().Matches(m.Groups["ids"].Value).Select(id => id.Value));

    private static bool IsAncestor(string candidate, string id) =>
        id.Length > candidate.Length && id[candidate.Length] == '.' && id.StartsWith(candidate, StringComparison.Ordinal);

    /// <summary>
    /// The paths between backticks in <paramref name="text"/>: a token without blanks that holds a '/'
    /// or ends in an extension. Read by a scan rather than a pattern, which backtracked through every
    /// '/' of a long unclosed token (the square of its length).
    /// </summary>
    private static IEnumerable<string> FileNames(string text)
    {
        var i = text.IndexOf('`', StringComparison.Ordinal);
        while (i >= 0)
        {
            var end = i + 1;
            while (end < text.Length && text[end] != '`' && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }
            if (end < text.Length && text[end] == '`')
            {
                var token = text[(i + 1)..end];
                if (IsFileName(token))
                {
                    yield return token;
                    // The closing backtick is used up, as a match would use it.
                    i = text.IndexOf('`', end + 1);
                    continue;
                }
                i = end;
                continue;
            }
            i = end < text.Length ? text.IndexOf('`', end) : -1;
        }
    }

    private static bool IsFileName(string token)
    {
        if (token.Contains('/', StringComparison.Ordinal))
        {
            return true;
        }
        var dot = token.LastIndexOf('.');
        var extension = dot < 0 ? 0 : token.Length - dot - 1;
        return extension is >= 1 and <= 8 && token.AsSpan(dot + 1).ContainsAnyExcept(AsciiLettersAndDigits) is false;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>Wave index of every task outside a cycle (Kahn's algorithm), computed once.</summary>
    private Dictionary<string, int> Depths(CancellationToken cancellationToken)
    {
        if (_depths is not null)
        {
            return _depths;
        }
        var remaining = _incoming.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new Queue<string>(remaining.Where(r => r.Value == 0).Select(r => r.Key));
        foreach (var id in ready)
        {
            depth[id] = 0;
        }
        var outgoing = Edges.ToLookup(e => e.DependsOn, StringComparer.Ordinal);
        var steps = 0;
        while (ready.TryDequeue(out var id))
        {
            if (++steps % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            foreach (var edge in outgoing[id])
            {
                depth[edge.Task] = Math.Max(depth.GetValueOrDefault(edge.Task), depth[id] + 1);
                if (--remaining[edge.Task] == 0)
                {
                    ready.Enqueue(edge.Task);
                }
            }
        }
        return _depths = depth.Where(d => remaining[d.Key] == 0).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// One cycle through each group of tasks left over by <see cref="Depths"/>, found by walking back
    /// along dependencies (a loop, not recursion, with a set of the walk's tasks: a cycle of 100,000
    /// tasks neither overflows the stack nor costs the square of its length).
    /// </summary>
    private List<List<string>> Cycles(CancellationToken cancellationToken)
    {
        var acyclic = Depths(cancellationToken);
        var inCycle = _positions.Keys.Where(id => !acyclic.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<List<string>>();
        foreach (var start in Tasks.Select(t => t.Id).Where(inCycle.Contains))
        {
            if (visited.Contains(start))
            {
                continue;
            }
            // Walk back along dependencies inside the cycle set until a task repeats. Every task left by
            // Kahn's algorithm waits for another such task, so the walk always finds one.
            var path = new List<string> { start };
            var position = new Dictionary<string, int>(StringComparer.Ordinal) { [start] = 0 };
            var current = start;
            string? repeated = null;
            while (FirstInCycle(current, inCycle) is { } next)
            {
                if (position.ContainsKey(next) || visited.Contains(next))
                {
                    repeated = next;
                    break;
                }
                if (path.Count % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                position[next] = path.Count;
                path.Add(next);
                current = next;
            }
            visited.UnionWith(path);
            // A walk that ran into an earlier walk's tasks found no new cycle.
            if (repeated is null || !position.TryGetValue(repeated, out var from))
            {
                continue;
            }
            var cycle = path.Skip(from).Reverse().ToList();
            cycle.Add(cycle[0]);
            cycles.Add(cycle);
        }
        return cycles;
    }

    private string? FirstInCycle(string id, HashSet<string> inCycle)
    {
        foreach (var edge in _incoming[id])
        {
            if (inCycle.Contains(edge.DependsOn))
            {
                return edge.DependsOn;
            }
        }
        return null;
    }

    [GeneratedRegex(@"^[\s*_]*Depends(?:\s+on)?\s*:\s*(?<ids>[^\n]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DependsLine();

    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+)*(?!\d)")]
    private static partial Regex Id();
}
