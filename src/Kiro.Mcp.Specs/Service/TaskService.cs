using System.Globalization;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Planning;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;
using TaskStatus = Kiro.Mcp.Specs.Documents.TaskStatus;

namespace Kiro.Mcp.Specs.Service;

/// <summary>
/// The task board of a spec. tasks.md is the only state: every call reads it, so an edit made in an
/// editor is seen at once, and every status change is one checkbox character written under the
/// file's lock, so concurrent changes to different tasks never overwrite each other.
/// </summary>
public sealed class TaskService(SpecService specs, FileStore store)
{
    public async Task<TaskPage> ListAsync(string spec, string? status, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var (_, graph) = await LoadAsync(spec, cancellationToken);
        var wanted = status is null ? (TaskStatus?)null : ParseStatus(status);
        var tasks = graph.Tasks.Where(t => wanted is null || t.Status == wanted).ToList();
        var start = cursor is null ? 0 : int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : throw new KiroException("cursor_invalid",
            $"'{cursor}' is not a cursor from task_list. Omit it to start from the first task.");
        var size = Math.Clamp(limit ?? SpecService.DefaultPageSize, 1, SpecService.MaxPageSize);
        var page = tasks.Skip(start).Take(size).Select(t => View(t, graph)).ToList();
        var next = start + size < tasks.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : null;
        return new TaskPage(spec, page, tasks.Count, next);
    }

    /// <summary>
    /// The first required, unfinished task in document order whose dependencies are done, in one
    /// spec or across every spec whose tasks are approved (or that is quick).
    /// </summary>
    public async Task<NextTask> NextAsync(string? spec, CancellationToken cancellationToken)
    {
        if (spec is not null)
        {
            var (snapshot, graph) = await LoadAsync(spec, cancellationToken);
            return Next(snapshot, graph);
        }
        foreach (var name in specs.Names())
        {
            var snapshot = await specs.LoadAsync(name, cancellationToken);
            if (snapshot.Documents.Tasks is { } tasks && (snapshot.Workflow.Quick || snapshot.IsApproved(DocumentKind.Tasks))
                && Next(snapshot, TaskGraph.Build(tasks)) is { Task: not null } next)
            {
                return next;
            }
        }
        return new NextTask(null, null, [], "No spec has an open task with approved tasks. Call spec_list to see where each spec stands.");
    }

    public async Task<TaskStatusChange> SetStatusAsync(string spec, string taskId, string status, CancellationToken cancellationToken)
    {
        var wanted = ParseStatus(status);
        var (snapshot, _) = await LoadAsync(spec, cancellationToken);
        var previous = TaskStatus.NotStarted;
        // Read, change and write under the file's lock: the task is found again in the current text,
        // so a concurrent change to another task (by a client or an editor) is kept.
        var written = await store.UpdateAsync(SpecLayout.Document(snapshot.Name, DocumentKind.Tasks), current =>
        {
            var text = current?.Text ?? throw Missing(snapshot.Name);
            var task = Find(TasksParser.Parse(text), snapshot.Name, taskId);
            previous = task.Status;
            return DocumentEditor.SetTaskStatus(text, task, wanted);
        }, cancellationToken);
        return new TaskStatusChange(snapshot.Name, taskId, SpecService.StatusName(previous), SpecService.StatusName(wanted), written.Version);
    }

    public async Task<TaskPlan> PlanAsync(string spec, CancellationToken cancellationToken)
    {
        var (_, graph) = await LoadAsync(spec, cancellationToken);
        var waves = graph.Waves();
        var warnings = new List<string>();
        foreach (var (wave, index) in waves.Select((w, i) => (w, i + 1)))
        {
            var byFile = wave.Select(id => graph.Tasks.First(t => t.Id == id))
                .SelectMany(t => TaskGraph.FilesOf(t).Select(f => (File: f, Task: t.Id)))
                .GroupBy(x => x.File, StringComparer.Ordinal)
                .Where(g => g.Select(x => x.Task).Distinct().Count() > 1);
            warnings.AddRange(byFile.Select(g => $"Wave {index}: tasks {string.Join(", ", g.Select(x => x.Task).Distinct())} all name `{g.Key}`; running them in parallel may collide."));
        }
        return new TaskPlan(spec, graph.Edges, waves, graph.CriticalPath(), graph.Errors, warnings);
    }

    private static NextTask Next(SpecSnapshot snapshot, TaskGraph graph)
    {
        var open = graph.Tasks.Where(t => !t.Optional && graph.IsReady(t)).ToList();
        if (open.Count == 0)
        {
            var step = graph.Tasks.All(t => t.Optional || t.Status == TaskStatus.Done)
                ? "All required tasks are done."
                : "No task is ready: the open tasks wait for others. Call task_plan to see the dependencies.";
            return new NextTask(snapshot.Name, null, [], step);
        }
        var next = open[0];
        var parallel = open.Skip(1).Where(t => t.Status != TaskStatus.InProgress).Select(t => View(t, graph)).ToList();
        return new NextTask(snapshot.Name, View(next, graph), parallel,
            $"Do task {next.Id} '{next.Title}' of spec '{snapshot.Name}': one task at a time, then check it against its acceptance criteria and stop for review.");
    }

    private async Task<(SpecSnapshot Snapshot, TaskGraph Graph)> LoadAsync(string spec, CancellationToken cancellationToken)
    {
        var snapshot = await specs.LoadAsync(spec, cancellationToken);
        var tasks = snapshot.Documents.Tasks ?? throw Missing(spec);
        return (snapshot, TaskGraph.Build(tasks));
    }

    private static TaskView View(TaskItem task, TaskGraph graph) => new(
        task.Id, task.Title, SpecService.StatusName(task.Status), task.Optional, task.Checkpoint, task.ParentId,
        task.Requirements, graph.DependenciesOf(task.Id), task.Line);

    private static TaskItem Find(TasksDocument document, string spec, string taskId)
    {
        var matches = document.Tasks.Where(t => t.Id == taskId.Trim().TrimEnd('.')).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KiroException("task_not_found", $"Spec '{spec}' has no task '{taskId}'. Call task_list(spec: '{spec}') to see the task ids."),
            _ => throw new KiroException("task_ambiguous", $"tasks.md of '{spec}' has {matches.Count} tasks numbered '{taskId}'. Renumber them (spec_validate reports duplicates), then retry."),
        };
    }

    private static TaskStatus ParseStatus(string status) => status.Trim().ToLowerInvariant() switch
    {
        "not_started" => TaskStatus.NotStarted,
        "queued" => TaskStatus.Queued,
        "in_progress" => TaskStatus.InProgress,
        "done" => TaskStatus.Done,
        _ => throw new KiroException("status_invalid", $"'{status}' is not a task status. Use not_started, queued, in_progress or done."),
    };

    private static KiroException Missing(string spec) => new("document_missing",
        $"Spec '{spec}' has no tasks.md yet. Write it with spec_write(spec: '{spec}', document: 'tasks', content: …) once the design is approved.");
}
