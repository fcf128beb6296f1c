using System.Globalization;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Evidence;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Lifecycle;
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
public sealed class TaskService(
    SpecService specs,
    SpecIndex index,
    FileStore store,
    GitHistory git,
    CommandRunner runner,
    WorkspaceTrust trust,
    ISteeringSource steering,
    TimeProvider clock,
    ISpecLifecycle? lifecycle = null)
{
    private readonly ISpecLifecycle _lifecycle = lifecycle ?? new NoLifecycle();

    /// <summary>Kiro runs at most five sub-agents at once; ten candidates is plenty and keeps the answer small.</summary>
    public const int MaxParallel = 10;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TaskGraph, NextTask> NextOf = [];

    public async Task<TaskPage> ListAsync(string spec, string? status, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var (_, graph) = await LoadAsync(spec, cancellationToken);
        var wanted = status is null ? (TaskStatus?)null : ParseStatus(status);
        var tasks = graph.Tasks.Where(t => wanted is null || t.Status == wanted).ToList();
        var start = cursor is null ? 0 : int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : throw new KiroException("cursor_invalid",
            $"'{cursor}' is not a cursor from task_list. Omit it to start from the first task.");
        var size = InputRange.Check("limit", limit, SpecService.DefaultPageSize, 1, SpecService.MaxPageSize);
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
                && Next(snapshot, GraphOf(tasks, cancellationToken)) is { Task: not null } next)
            {
                return next;
            }
        }
        return new NextTask(null, null, [], 0, "No spec has an open task with approved tasks. Call spec_list to see where each spec stands.");
    }

    public async Task<TaskStatusChange> SetStatusAsync(string spec, string taskId, string status, CancellationToken cancellationToken)
    {
        var wanted = ParseStatus(status);
        var (snapshot, _) = await LoadAsync(spec, cancellationToken);
        var previous = TaskStatus.NotStarted;
        var changes = new StatusChanges();
        // Read, change and write under the file's lock: the task is found again in the current text,
        // so a concurrent change to another task (by a client or an editor) is kept.
        var written = await store.UpdateAsync(SpecLayout.Document(snapshot.Name, DocumentKind.Tasks), current =>
        {
            var text = current?.Text ?? throw Missing(snapshot.Name);
            var task = Find(changes.Start(Parse(snapshot.Name, current)), snapshot.Name, taskId);
            previous = task.Status;
            changes.Set(text, task, wanted);
            return changes.Text(text);
        }, cancellationToken);
        Remember(snapshot.Name, written, changes);
        return new TaskStatusChange(snapshot.Name, taskId, SpecService.StatusName(previous), SpecService.StatusName(wanted), written.Version);
    }

    public async Task<TaskContext> ContextAsync(string spec, string taskId, CancellationToken cancellationToken)
    {
        var (snapshot, graph) = await LoadAsync(spec, cancellationToken);
        var task = Find(snapshot.Documents.Tasks!, spec, taskId);
        return await TaskContextBuilder.BuildAsync(snapshot, task, View(task, graph), steering, cancellationToken);
    }

    /// <summary>
    /// Marks a task in progress (and its parent), records the start with git HEAD, and returns the
    /// execution context. Refused until tasks.md is approved and the task's dependencies are done.
    /// </summary>
    public async Task<TaskContext> StartAsync(string spec, string taskId, bool restart, string by, CancellationToken cancellationToken)
    {
        var (snapshot, graph) = await LoadAsync(spec, cancellationToken);
        if (!snapshot.Workflow.Quick && !snapshot.IsApproved(DocumentKind.Tasks))
        {
            throw new KiroException("gate_closed",
                $"tasks.md of '{spec}' is not approved{(snapshot.ApprovalOf(DocumentKind.Tasks) == "stale" ? " (it changed after approval)" : "")}. Show it to the user and call spec_approve(spec: '{spec}', document: 'tasks') first.");
        }
        var task = Find(snapshot.Documents.Tasks!, spec, taskId);
        // A broken run log fails the call before tasks.md changes, not after (parsed once per version, so cheap).
        _ = snapshot.Runs;
        CheckCriteriaWritten(snapshot, task);
        if (task.Status == TaskStatus.Done && !restart)
        {
            throw new KiroException("task_done", $"Task {task.Id} is already done. Pass restart: true to do it again.");
        }
        var waiting = graph.DependenciesOf(task.Id).Where(d => graph.Task(d)!.Status != TaskStatus.Done).ToList();
        if (waiting.Count > 0)
        {
            throw new KiroException("task_blocked",
                $"Task {task.Id} waits for task(s) {string.Join(", ", waiting)}. Call task_next(spec: '{spec}') for a task that is ready.");
        }
        if (await _lifecycle.BeforeTaskStartAsync(new TaskEvent(spec, task.Id, task.Title, "in_progress", by), cancellationToken) is { } refusal)
        {
            throw new KiroException("task_start_refused",
                $"Task {task.Id} was not started: {refusal.Trim()} Resolve that (or ask the user), then call task_start again.");
        }

        var started = new StatusChanges();
        var written = await store.UpdateAsync(SpecLayout.Document(spec, DocumentKind.Tasks), current =>
        {
            var text = current?.Text ?? throw Missing(spec);
            var document = started.Start(Parse(spec, current));
            started.Set(text, Find(document, spec, task.Id), TaskStatus.InProgress);
            // The parent shows that work has begun under it.
            if (task.ParentId is not null && GraphOf(document, cancellationToken).Task(task.ParentId) is { Status: TaskStatus.NotStarted or TaskStatus.Queued } parent)
            {
                started.Set(text, parent, TaskStatus.InProgress);
            }
            return started.Text(text);
        }, cancellationToken);
        Remember(spec, written, started);

        var run = new TaskRun(task.Id, clock.GetUtcNow(), by, git.Head());
        // A restart replaces the unfinished run of the same task: the new start takes its id.
        await index.AppendRunAsync(store, spec, runs => run with { Id = LastUnfinished(runs, task.Id)?.Id ?? RunLog.NewId() }, cancellationToken);
        return await ContextAsync(spec, task.Id, cancellationToken);
    }

    /// <summary>
    /// Runs the verification; on success marks the task done (and parents whose required sub-tasks are
    /// all done), records the run with the commits and files since it started, and returns the next task.
    /// On failure the task stays in progress and the result carries the output's tail.
    /// </summary>
    public async Task<TaskCompletion> CompleteAsync(string spec, string taskId, string? summary, bool verify, string by, CancellationToken cancellationToken)
    {
        var (snapshot, _) = await LoadAsync(spec, cancellationToken);
        var task = Find(snapshot.Documents.Tasks!, spec, taskId);
        if (task.Status == TaskStatus.Done)
        {
            throw new KiroException("task_done", $"Task {task.Id} is already done. Call task_next(spec: '{spec}') for the next one.");
        }
        // As in StartAsync: a broken run log fails the call before anything runs or changes.
        _ = snapshot.Runs;
        CommandResult? verification = null;
        RunEvidence? evidence = null;
        var evidenceNote = "";
        if (verify)
        {
            var (command, timeout) = await VerificationSettings.ForAsync(store, task, cancellationToken);
            if (command is not null)
            {
                // The command comes from the repository (tasks.md or .kiro/settings): it runs only where the user
                // trusts the workspace. Untrusted, the task is not marked done unverified behind the user's back.
                if (!trust.IsTrusted)
                {
                    throw new KiroException("workspace_untrusted",
                        trust.Untrusted($"its verification command (`{command}`) does not run and task {task.Id} is not marked done") +
                        " Only if the user agrees that the task is done without that check, call task_complete again with verify: false.");
                }
                if (trust.SignedOffCommandsOnly && VerificationSettings.HasOwnCommand(task)
                    && (snapshot.Workflow.Quick || !snapshot.IsApproved(DocumentKind.Tasks)))
                {
                    throw new KiroException("verify_not_signed_off",
                        $"Task {task.Id}'s verification command (`{command}`) is in a version of tasks.md that no approver signed off " +
                        $"({(snapshot.Workflow.Quick ? "a quick spec has no approvals" : "tasks.md is not approved or changed since")}); on a shared server only signed-off commands run. " +
                        $"Ask an approver to approve tasks.md (spec_approve), or, if the user agrees the task is done without that check, call task_complete with verify: false.");
                }
                // Checked before anything runs: a glob that leaves the workspace is refused, not tried.
                var results = await VerificationSettings.ResultsAsync(store, cancellationToken);
                var since = clock.GetUtcNow();
                verification = await runner.RunAsync(command, timeout, cancellationToken);
                if (results is not null)
                {
                    (evidence, evidenceNote) = ReadEvidence(snapshot, task, results, since, verification.Succeeded);
                }
                if (!verification.Succeeded)
                {
                    if (evidence is not null)
                    {
                        await RecordFailingEvidenceAsync(spec, task.Id, evidence, cancellationToken);
                    }
                    return new TaskCompletion(spec, task.Id, false, verification, [], View(task, GraphOf(snapshot.Documents.Tasks!, cancellationToken)),
                        $"Verification failed ({(verification.TimedOut ? "timed out" : $"exit code {verification.ExitCode}")}): task {task.Id} stays in progress.{evidenceNote} Fix the cause shown in the output, then call task_complete again.");
                }
            }
        }

        var markedDone = new List<string>();
        var completed = new StatusChanges();
        var written = await store.UpdateAsync(SpecLayout.Document(spec, DocumentKind.Tasks), current =>
        {
            markedDone.Clear();
            var text = current?.Text ?? throw Missing(spec);
            var document = completed.Start(Parse(spec, current));
            // The status of an id is its first task's (as the graph has it), or done once marked here.
            var graph = GraphOf(document, cancellationToken);
            TaskStatus StatusOf(string id) => markedDone.Contains(id) ? TaskStatus.Done : graph.Task(id)!.Status;
            completed.Set(text, Find(document, spec, task.Id), TaskStatus.Done);
            markedDone.Add(task.Id);
            // Close parents whose required sub-tasks are now all done, up the tree. Status offsets do not
            // move when a status character changes, so the one parse serves every step.
            for (var parentId = task.ParentId; parentId is not null;)
            {
                var parent = graph.Task(parentId);
                if (parent is null || StatusOf(parent.Id) == TaskStatus.Done
                    || document.Tasks.Any(t => t.ParentId == parentId && !t.Optional && StatusOf(t.Id) != TaskStatus.Done))
                {
                    break;
                }
                completed.Set(text, parent, TaskStatus.Done);
                markedDone.Add(parent.Id);
                parentId = parent.ParentId;
            }
            return completed.Text(text);
        }, cancellationToken);
        Remember(spec, written, completed);

        var head = git.Head();
        await index.AppendRunAsync(store, spec, runs =>
        {
            var started = LastUnfinished(runs, task.Id) ?? new TaskRun(task.Id, null, null, null) { Id = RunLog.NewId() };
            return started with
            {
                CompletedAt = clock.GetUtcNow(),
                CompletedBy = by,
                HeadAtCompletion = head,
                Commits = git.CommitsBetween(started.HeadAtStart, head),
                // The spec's own files (tasks.md, this run log) change with every task: they are not its work.
                Files = git.FilesChanged(started.HeadAtStart, head).Where(f => !f.StartsWith(".kiro/", StringComparison.Ordinal)).ToList(),
                Verification = verification is null ? null : new RunVerification(verification.Command, verification.ExitCode, verification.DurationMs),
                Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(),
                Basis = TaskDrift.BasisOf(snapshot, task),
                Evidence = evidence,
            };
        }, cancellationToken);

        await _lifecycle.TaskCompletedAsync(new TaskEvent(spec, task.Id, task.Title, "done", by), cancellationToken);
        var next = await NextAsync(spec, cancellationToken);
        var verified = verification is null ? (verify ? " (no verification command is configured: set one in .kiro/settings/kiro-mcp.json or a _Verify: line)" : " (not verified)") : " and verified";
        return new TaskCompletion(spec, task.Id, true, verification, markedDone, next.Task,
            next.Task is null
                ? $"Task {task.Id} is done{verified}.{evidenceNote} Stop and let the user review. {next.NextStep}"
                : $"Task {task.Id} is done{verified}.{evidenceNote} Stop and let the user review; then the next task is {next.Task.Id} '{next.Task.Title}'.");
    }

    /// <summary>
    /// The evidence in the results files the verification wrote, linked to this spec's criteria, and a sentence for the
    /// result. A results glob or file that leads outside the workspace fails the call: the task is not marked done.
    /// </summary>
    private (RunEvidence? Evidence, string Note) ReadEvidence(SpecSnapshot snapshot, TaskItem task, string results, DateTimeOffset since, bool succeeded)
    {
        ResultsRead read;
        try
        {
            read = ResultsFiles.Read(store, results, since);
        }
        catch (KiroException e) when (e.Code == "results_outside_workspace")
        {
            throw new KiroException(e.Code, e.Message + (succeeded ? $" The verification passed, but task {task.Id} stays in progress until the evidence can be read." : ""));
        }
        var skipped = read.Notes.Count == 0 ? "" : $" Skipped: {string.Join("; ", read.Notes.Take(3))}{(read.Notes.Count > 3 ? "; …" : "")}.";
        if (read.Files.Count == 0)
        {
            return (null, $" No results file matching verify.results ('{results}') was written by the verification.{skipped}");
        }
        var linked = EvidenceLinker.Link(snapshot, read.Tests);
        var evidence = RunEvidence.Of(clock.GetUtcNow(), read.Files, linked);
        var failing = evidence.Criteria.Count(c => c.Value.Failed.Count > 0);
        var note = $" Test evidence from {read.Files.Count} results file{(read.Files.Count == 1 ? "" : "s")}: {evidence.Criteria.Count - failing} criteria verified, {failing} failing" +
            (linked.Unknown.Count > 0 ? $"; tags naming what the spec lacks: {string.Join(", ", linked.Unknown.Take(3).Select(u => u.Length > 120 ? u[..120] + "…" : u))}" : "") + "." + skipped;
        return (evidence, note);
    }

    /// <summary>Keeps a failed verification's evidence on the task's unfinished run: failing tests are what the trace must show.</summary>
    private Task RecordFailingEvidenceAsync(string spec, string taskId, RunEvidence evidence, CancellationToken cancellationToken) =>
        index.AppendRunAsync(store, spec, runs => LastUnfinished(runs, taskId) is { } run
            ? run with { Evidence = evidence }
            : new TaskRun(taskId, null, null, null, Evidence: evidence) { Id = RunLog.NewId() }, cancellationToken);

    /// <summary>The task's latest run that has not completed: the one a completion or a restart replaces.</summary>
    private static TaskRun? LastUnfinished(IReadOnlyList<TaskRun> runs, string taskId)
    {
        for (var i = runs.Count - 1; i >= 0; i--)
        {
            if (runs[i].Task == taskId && runs[i].CompletedAt is null)
            {
                return runs[i];
            }
        }
        return null;
    }

    public async Task<TaskPlan> PlanAsync(string spec, CancellationToken cancellationToken)
    {
        var (_, graph) = await LoadAsync(spec, cancellationToken);
        var waves = graph.Waves();
        cancellationToken.ThrowIfCancellationRequested();
        var warnings = new List<string>();
        foreach (var (wave, index) in waves.Select((w, i) => (w, i + 1)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var byFile = wave.Select(id => graph.Task(id)!)
                .SelectMany(t => TaskGraph.FilesOf(t).Select(f => (File: f, Task: t.Id)))
                .GroupBy(x => x.File, StringComparer.Ordinal)
                .Where(g => g.Select(x => x.Task).Distinct().Count() > 1);
            warnings.AddRange(byFile.Select(g => $"Wave {index}: tasks {string.Join(", ", g.Select(x => x.Task).Distinct())} all name `{g.Key}`; running them in parallel may collide."));
        }
        return new TaskPlan(spec, graph.Edges, waves, graph.CriticalPath(), graph.Errors, warnings);
    }

    /// <summary>Refuses a task whose cited criteria are still the template's placeholders (a quick spec has no gate that would catch them).</summary>
    private static void CheckCriteriaWritten(SpecSnapshot snapshot, TaskItem task)
    {
        var source = snapshot.Workflow.CriteriaSource;
        var placeholders = TaskContextBuilder.CitedCriteria(snapshot, task)
            .Where(x => TemplatePlaceholders.FirstIn(source, x.Criterion.Text) is not null)
            .Select(x => x.Criterion.Id)
            .ToList();
        if (placeholders.Count > 0)
        {
            var file = SpecLayout.FileName(source);
            throw new KiroException("criteria_placeholder",
                $"Task {task.Id} cites criteria {string.Join(", ", placeholders)}, which are still the template's placeholders in {file} ('WHEN [event], THE [System] SHALL …'). Write the real acceptance criteria with spec_write(spec: '{snapshot.Name}', document: '{SpecLayout.Name(source)}', …), then call task_start again.");
        }
    }

    /// <summary>The next task of a graph (its tasks and statuses never change), worked out once per graph: task_next is asked far more often than tasks.md changes.</summary>
    private static NextTask Next(SpecSnapshot snapshot, TaskGraph graph)
    {
        if (NextOf.TryGetValue(graph, out var known) && known.Spec == snapshot.Name)
        {
            return known;
        }
        var next = FindNext(snapshot, graph);
        NextOf.AddOrUpdate(graph, next);
        return next;
    }

    private static NextTask FindNext(SpecSnapshot snapshot, TaskGraph graph)
    {
        var open = graph.ReadyRequired();
        if (open.Count == 0)
        {
            var step = graph.Tasks.All(t => t.Optional || t.Status == TaskStatus.Done)
                ? "All required tasks are done."
                : "No task is ready: the open tasks wait for others. Call task_plan to see the dependencies.";
            return new NextTask(snapshot.Name, null, [], 0, step);
        }
        var next = open[0];
        var parallel = open.Skip(1).Where(t => t.Status != TaskStatus.InProgress).ToList();
        return new NextTask(snapshot.Name, View(next, graph), parallel.Take(MaxParallel).Select(t => View(t, graph)).ToList(), parallel.Count,
            $"Do task {next.Id} '{next.Title}' of spec '{snapshot.Name}': one task at a time, then check it against its acceptance criteria and stop for review.");
    }

    /// <summary>Parses tasks.md through the index: inside an update the text is usually the one just read, so this is a cache hit.</summary>
    private TasksDocument Parse(string spec, VersionedText current) =>
        index.Tasks(SpecLayout.Document(spec, DocumentKind.Tasks), current);

    /// <summary>
    /// Puts the parse of the text just written into the index: a status change moves no offset and changes
    /// nothing but statuses, so the parse of the text it was made from, with those statuses, is its parse.
    /// </summary>
    private void Remember(string spec, VersionedText written, StatusChanges changes)
    {
        if (changes.Document is { } document)
        {
            var changed = changes.Apply(document);
            TaskGraph.StatusesChanged(document, changed);
            index.PutTasks(SpecLayout.Document(spec, DocumentKind.Tasks), written.Version, changed);
        }
    }

    private async Task<(SpecSnapshot Snapshot, TaskGraph Graph)> LoadAsync(string spec, CancellationToken cancellationToken)
    {
        var snapshot = await specs.LoadAsync(spec, cancellationToken);
        var tasks = snapshot.Documents.Tasks ?? throw Missing(spec);
        return (snapshot, GraphOf(tasks, cancellationToken));
    }

    private static TaskGraph GraphOf(TasksDocument tasks, CancellationToken cancellationToken) => TaskGraph.Of(tasks, cancellationToken);

    private static TaskView View(TaskItem task, TaskGraph graph) => new(
        task.Id, task.Title, SpecService.StatusName(task.Status), task.Optional, task.Checkpoint, task.ParentId,
        task.Requirements, graph.DependenciesOf(task.Id), task.Line);

    /// <summary>The task of an id, found through the parse's graph (built once per parse, so a lookup costs the same on any size of plan).</summary>
    private static TaskItem Find(TasksDocument document, string spec, string taskId)
    {
        var id = taskId.Trim().TrimEnd('.');
        var graph = GraphOf(document, CancellationToken.None);
        return graph.CountOf(id) switch
        {
            1 => graph.Task(id)!,
            0 => throw new KiroException("task_not_found", $"Spec '{spec}' has no task '{taskId}'. Call task_list(spec: '{spec}') to see the task ids."),
            _ => throw new KiroException("task_ambiguous", $"tasks.md of '{spec}' has {document.Tasks.Count(t => t.Id == id)} tasks numbered '{taskId}'. Renumber them (spec_validate reports duplicates), then retry."),
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
