using System.Text.Json;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Evidence;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Export;
using Kiro.Mcp.Specs.Lifecycle;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Service;

/// <summary>
/// The spec workflow as operations: list, create, read, write, validate, approve, status, trace.
/// Every operation reads the files it needs (so an edit made in an editor is seen at once) and
/// every write goes through the <see cref="FileStore"/> (atomic, version-checked).
/// </summary>
public sealed class SpecService(FileStore store, SpecIndex index, TimeProvider clock, ISpecLifecycle? lifecycle = null)
{
    private readonly ISpecLifecycle _lifecycle = lifecycle ?? new NoLifecycle();

    /// <summary>About 15,000 tokens: keeps one response well under the 20,000-token budget.</summary>
    public const int MaxTextLength = 60_000;

    /// <summary>Larger content is refused: no hand-written spec document comes close.</summary>
    public const int MaxContentLength = 2_000_000;

    /// <summary>
    /// Documents on disk (written by an editor or a script, not through spec_write) are read up to this
    /// many characters: parsing is linear, so this bounds every call's work and memory to a few seconds
    /// and a few hundred megabytes, while no spec anyone writes comes close.
    /// </summary>
    public const int MaxDocumentLength = 10_000_000;

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Findings returned at once; the counts still cover all of them.</summary>
    public const int MaxFindings = 200;

    /// <summary>The names of the spec folders under .kiro/specs, in ordinal order.</summary>
    public IReadOnlyList<string> Names() =>
        store.ListDirectories(SpecLayout.SpecsFolder).Where(IsSpecName).ToList();

    public async Task<SpecPage> ListAsync(string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var size = InputRange.Check("limit", limit, DefaultPageSize, 1, MaxPageSize);
        var names = Names();
        var page = names.Where(n => cursor is null || string.CompareOrdinal(n, cursor) > 0).Take(size + 1).ToList();
        var summaries = new List<SpecSummary>();
        foreach (var name in page.Take(size))
        {
            summaries.Add(await SummarizeAsync(name, cancellationToken));
        }
        return new SpecPage(summaries, names.Count, page.Count > size ? page[size - 1] : null);
    }

    public Task<CreatedSpec> CreateAsync(string name, SpecType type, WorkflowType workflow, bool quick, string? description, CancellationToken cancellationToken) =>
        CreateAsync(name, type, workflow, quick, description, by: null, cancellationToken);

    /// <summary>Creates the spec; <paramref name="by"/>, when known, is recorded as the writer of the first document's template.</summary>
    public async Task<CreatedSpec> CreateAsync(string name, SpecType type, WorkflowType workflow, bool quick, string? description, Actor? by, CancellationToken cancellationToken)
    {
        SpecName.CheckNew(name);
        if (store.DirectoryExists(SpecLayout.Folder(name)))
        {
            throw new KiroException("spec_exists",
                $"A spec named '{name}' already exists. Read it with spec_status(spec: '{name}'), or choose another name.");
        }
        var config = SpecConfig.New(type, workflow);
        await store.WriteAsync(SpecLayout.Config(name), config.ToJson() + "\n", FileStore.Absent, cancellationToken);
        if (quick)
        {
            await store.WriteAsync(SpecLayout.State(name), (SpecState.Empty with { Quick = true }).ToJson(), FileStore.Absent, cancellationToken);
        }
        var first = SpecWorkflow.For(config, quick).Order[0];
        var version = await store.WriteAsync(SpecLayout.Document(name, first), SpecTemplates.For(first, description), FileStore.Absent, cancellationToken);
        // The first document is never tasks.md, so its approval version is its file version.
        await RecordAuthorAsync(name, first, version, by, cancellationToken);
        var firstName = SpecLayout.Name(first);
        await _lifecycle.SpecCreatedAsync(
            new SpecEvent(name, SpecConfig.TypeName(config.Type), SpecConfig.WorkflowName(config.Workflow), SpecLayout.Folder(name)), cancellationToken);
        return new CreatedSpec(
            name,
            SpecConfig.TypeName(config.Type),
            SpecConfig.WorkflowName(config.Workflow),
            quick,
            SpecLayout.Folder(name),
            firstName,
            version,
            SpecTemplates.Guidance(first),
            $"{firstName}.md holds a template. Replace it with the real document: call spec_write(spec: '{name}', document: '{firstName}', content: …, expectedVersion: '{version}'), " +
            $"then spec_validate{(quick ? "" : ", then ask the user to approve it")}.");
    }

    /// <summary>A whole document as stored, however large (resources serve it this way).</summary>
    public async Task<VersionedText> DocumentAsync(string spec, string document, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(spec, cancellationToken);
        var kind = DocumentOf(snapshot, document);
        return snapshot.Files.GetValueOrDefault(kind) ?? throw Missing(snapshot, kind);
    }

    public async Task<DocumentText> ReadAsync(string spec, string document, string? section, CancellationToken cancellationToken)
    {
        var file = await DocumentAsync(spec, document, cancellationToken);
        var name = SpecLayout.TryParseDocument(document) is { } kind ? SpecLayout.Name(kind) : document;
        if (!string.IsNullOrWhiteSpace(section))
        {
            return new DocumentText(spec, name, section, DocumentEditor.ReadSection(file.Text, section), file.Version);
        }
        var text = file.Text.TrimStart('\uFEFF');
        if (text.Length <= MaxTextLength)
        {
            return new DocumentText(spec, name, null, text, file.Version);
        }
        var cut = text.LastIndexOf('\n', MaxTextLength - 1);
        var headings = MarkdownOutline.Parse(file.Text).Select(h => h.Text).ToList();
        return new DocumentText(spec, name, null, text[..(cut > 0 ? cut + 1 : MaxTextLength)], file.Version, Truncated: true, Sections: headings);
    }

    public Task<WriteOutcome> WriteAsync(string spec, string document, string content, string? section, string? expectedVersion, CancellationToken cancellationToken) =>
        WriteAsync(spec, document, content, section, expectedVersion, by: null, cancellationToken);

    /// <summary>Writes a document; <paramref name="by"/>, when known, is recorded as the writer of the new version.</summary>
    public async Task<WriteOutcome> WriteAsync(string spec, string document, string content, string? section, string? expectedVersion, Actor? by, CancellationToken cancellationToken)
    {
        if (content.Length > MaxContentLength)
        {
            throw new KiroException("content_too_large", $"The content is {content.Length:N0} characters; the limit is {MaxContentLength:N0}. Split the spec into smaller specs.");
        }
        var snapshot = await LoadAsync(spec, cancellationToken);
        var kind = DocumentOf(snapshot, document);
        SpecProgress.CheckGate(snapshot, kind);
        var existing = snapshot.Files.GetValueOrDefault(kind);
        string text;
        string? expected;
        if (!string.IsNullOrWhiteSpace(section))
        {
            if (existing is null)
            {
                throw new KiroException("document_missing",
                    $"{SpecLayout.FileName(kind)} does not exist yet, so it has no section '{section}'. Write the whole document first (spec_write without section).");
            }
            text = DocumentEditor.ReplaceSection(existing.Text, section, content);
            // A section edit is computed from the text just read, so it must land on that text.
            expected = expectedVersion ?? existing.Version;
        }
        else
        {
            text = existing is null ? content : KeepEncoding(content, existing.Text);
            expected = expectedVersion;
        }
        var version = await store.WriteAsync(SpecLayout.Document(spec, kind), text, expected, cancellationToken);

        var after = await LoadAsync(spec, cancellationToken);
        // Only when the file still holds what was just written: a version another writer made in between is not ours to claim.
        if (after.Files.GetValueOrDefault(kind)?.Version == version && after.ApprovalVersionOf(kind) is { } written)
        {
            await RecordAuthorAsync(spec, kind, written, by, cancellationToken);
        }
        var report = Validate(after);
        var name = SpecLayout.Name(kind);
        var findings = report.Findings.Where(f => f.Document == name).Take(MaxFindings).ToList();
        return new WriteOutcome(spec, name, version, findings, SpecProgress.NextAfterWrite(after, kind, findings));
    }

    public async Task<SpecValidation> ValidateAsync(string spec, CancellationToken cancellationToken)
    {
        var (_, findings, coverage) = await FindingsAsync(spec, cancellationToken);
        return new SpecValidation(spec,
            findings.Count(f => f.Severity == FindingSeverity.Error),
            findings.Count(f => f.Severity == FindingSeverity.Warning),
            findings.Count,
            findings.Take(MaxFindings).ToList(),
            coverage);
    }

    /// <summary>Every finding of a spec, uncapped, with the snapshot they came from: spec_validate shows the first, kiro-mcp check all.</summary>
    public async Task<SpecFindings> FindingsAsync(string spec, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(spec, cancellationToken);
        var report = Validate(snapshot);
        var findings = report.Findings;
        if (await UnverifiedAsync(snapshot, cancellationToken) is { } unverified)
        {
            findings = [.. findings, unverified];
        }
        return new SpecFindings(snapshot, findings, report.Coverage);
    }

    /// <summary>
    /// Checks that a document may be approved now and returns the version that would be approved.
    /// The server asks the human to confirm between this and <see cref="ApproveAsync"/>.
    /// </summary>
    public async Task<string> CheckApprovableAsync(string spec, string document, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(spec, cancellationToken);
        var kind = DocumentOf(snapshot, document);
        _ = snapshot.Files.GetValueOrDefault(kind) ?? throw Missing(snapshot, kind);
        SpecProgress.CheckGate(snapshot, kind);
        var name = SpecLayout.Name(kind);
        var errors = Validate(snapshot).Findings
            .Where(f => f.Document == name && f.Severity == FindingSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var list = string.Join("; ", errors.Take(5).Select(f => $"line {f.Line}: {f.Message}"));
            throw new KiroException("approval_blocked",
                $"{SpecLayout.FileName(kind)} has {errors.Count} error finding(s), so it can't be approved: {list}. Fix them with spec_write and check with spec_validate.");
        }
        return snapshot.ApprovalVersionOf(kind)!;
    }

    /// <summary>
    /// Like <see cref="CheckApprovableAsync(string, string, CancellationToken)"/>, and with <paramref name="secondPerson"/>
    /// refuses <paramref name="by"/> when they wrote the current version (<c>second_person_required</c>), before anyone is asked to confirm.
    /// </summary>
    public async Task<string> CheckApprovableAsync(string spec, string document, Actor by, bool secondPerson, CancellationToken cancellationToken)
    {
        var version = await CheckApprovableAsync(spec, document, cancellationToken);
        var snapshot = await LoadAsync(spec, cancellationToken);
        _ = CheckSecondPerson(snapshot, DocumentOf(snapshot, document), by, secondPerson);
        return version;
    }

    /// <summary>
    /// Records <paramref name="by"/>'s approval of <paramref name="version"/>, refusing if the document changed since it
    /// was checked, or (with <paramref name="secondPerson"/>) if <paramref name="by"/> wrote that version.
    /// </summary>
    public async Task<ApprovalOutcome> ApproveAsync(string spec, string document, string version, Actor by, string? note, bool secondPerson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var snapshot = await LoadAsync(spec, cancellationToken);
        var kind = DocumentOf(snapshot, document);
        _ = snapshot.Files.GetValueOrDefault(kind) ?? throw Missing(snapshot, kind);
        if (snapshot.ApprovalVersionOf(kind) != version)
        {
            throw new KiroException("version_conflict",
                $"{SpecLayout.FileName(kind)} changed while the approval was being confirmed. Review the new text and call spec_approve again.");
        }
        var notice = CheckSecondPerson(snapshot, kind, by, secondPerson);
        var approval = new ApprovalRecord(version, by, clock.GetUtcNow(), Remark(note, "note"));
        await UpdateStateAsync(spec, state => state.WithApproval(kind, approval), cancellationToken);
        await _lifecycle.DocumentApprovedAsync(
            new DocumentEvent(spec, SpecLayout.Name(kind), SpecLayout.Document(spec, kind), version, by.Name), cancellationToken);
        var after = await LoadAsync(spec, cancellationToken);
        var next = SpecProgress.Of(after).Next;
        return new ApprovalOutcome(spec, SpecLayout.Name(kind), true, version, by.Name, approval.At, notice is null ? next : $"{notice} {next}");
    }

    /// <summary>The longest comment or note kept: a review remark, not a second document.</summary>
    public const int MaxCommentLength = 4_000;

    /// <summary>
    /// Records that <paramref name="by"/> declined the document's current version and what should change. It
    /// closes the next phase's gate until a new version is written and approved. Anyone may ask for changes,
    /// the writer too: it opens nothing.
    /// </summary>
    public async Task<ApprovalOutcome> RequestChangesAsync(string spec, string document, Actor by, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var text = Remark(comment, "note")
            ?? throw new KiroException("comment_required", "Say what should change: pass it as note with decision 'request_changes'.");
        var snapshot = await LoadAsync(spec, cancellationToken);
        var kind = DocumentOf(snapshot, document);
        _ = snapshot.Files.GetValueOrDefault(kind) ?? throw Missing(snapshot, kind);
        var request = new ChangeRequest(snapshot.ApprovalVersionOf(kind)!, by, clock.GetUtcNow(), text);
        await UpdateStateAsync(spec, state => state.WithChangeRequest(kind, request), cancellationToken);
        var name = SpecLayout.Name(kind);
        return new ApprovalOutcome(spec, name, false, request.Version, by.Name, request.At,
            $"Changes were requested: \"{text}\". Revise {name}.md with spec_write(spec: '{spec}', document: '{name}', …), show the user the result, and ask for approval again.");
    }

    /// <summary>
    /// The requests for changes of the current versions of a spec's documents. Reads only the state file when it
    /// holds none (the common case), since this runs after every tool call that names a spec.
    /// </summary>
    public async Task<IReadOnlyList<(string Document, ChangeRequest Request)>> OpenChangeRequestsAsync(string spec, CancellationToken cancellationToken)
    {
        if (!IsSpecName(spec) || !store.DirectoryExists(SpecLayout.Folder(spec)))
        {
            return [];
        }
        var stateFile = await store.ReadAsync(SpecLayout.State(spec), cancellationToken);
        if (stateFile is null || !stateFile.Text.Contains("\"changes\"", StringComparison.Ordinal))
        {
            return [];
        }
        var snapshot = await LoadAsync(spec, cancellationToken);
        return snapshot.Workflow.Order
            .Select(kind => (SpecLayout.Name(kind), snapshot.OpenChangeRequest(kind)))
            .Where(r => r.Item2 is not null)
            .Select(r => (r.Item1, r.Item2!))
            .ToList();
    }

    /// <summary>
    /// The second-person rule: refuses the writer of the current version. A version nobody recorded (edited in an
    /// editor, or written before authors were recorded) cannot be checked; the approval is allowed and the returned
    /// notice says so, since refusing would block every spec edited outside the server.
    /// </summary>
    private static string? CheckSecondPerson(SpecSnapshot snapshot, DocumentKind kind, Actor by, bool secondPerson)
    {
        if (!secondPerson)
        {
            return null;
        }
        var file = SpecLayout.FileName(kind);
        if (snapshot.AuthorOf(kind) is not { } author)
        {
            return $"No one is recorded as writing this version of {file} (it was changed outside the server), so the second-person rule could not be checked.";
        }
        if (author.By.IsSamePersonAs(by))
        {
            throw new KiroException("second_person_required",
                $"{file} of spec '{snapshot.Name}' in its current version was written by {author.By.Describe()}, and this workspace requires a second person to approve it. Ask another reviewer to approve it; {by.Name} may still ask for changes (decision: 'request_changes').");
        }
        return null;
    }

    private async Task RecordAuthorAsync(string spec, DocumentKind kind, string version, Actor? by, CancellationToken cancellationToken)
    {
        if (by is null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        // Writing the same text again is no new version: whoever wrote it first stays its writer.
        await UpdateStateAsync(spec, state => state.Authors.TryGetValue(kind, out var known) && known.Version == version
            ? state
            : state.WithAuthor(kind, new AuthorRecord(version, by, now)), cancellationToken);
    }

    private async Task UpdateStateAsync(string spec, Func<SpecState, SpecState> change, CancellationToken cancellationToken)
    {
        var statePath = SpecLayout.State(spec);
        await store.UpdateAsync(statePath, current =>
            change(current is null ? SpecState.Empty : SpecState.Parse(current.Text, statePath)).ToJson(), cancellationToken);
    }

    /// <summary>A trimmed remark, or null when empty; refused when longer than <see cref="MaxCommentLength"/>.</summary>
    private static string? Remark(string? text, string argument)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        return trimmed.Length <= MaxCommentLength ? trimmed
            : throw new KiroException("comment_too_long", $"{argument} is {trimmed.Length:N0} characters; the limit is {MaxCommentLength:N0}. Keep it to what should change.");
    }

    public async Task<SpecStatus> StatusAsync(string spec, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(spec, cancellationToken);
        var (phase, next) = SpecProgress.Of(snapshot);
        var documents = snapshot.Workflow.Order.Select(kind =>
        {
            var file = snapshot.Files.GetValueOrDefault(kind);
            var state = snapshot.ApprovalOf(kind);
            var request = snapshot.OpenChangeRequest(kind);
            var approval = snapshot.State.Approvals.GetValueOrDefault(kind);
            // Who decided last: the reviewer who asked for changes, else the approver.
            var (by, at) = request is not null ? (request.By, request.At) : (approval?.By, approval?.At);
            return new DocumentState(SpecLayout.Name(kind), file is not null, file?.Version, state, by?.Name, at)
            {
                ById = by?.Id,
                Comment = request?.Comment,
            };
        }).ToList();
        return new SpecStatus(spec, SpecConfig.TypeName(snapshot.Config.Type), SpecConfig.WorkflowName(snapshot.Config.Workflow),
            snapshot.Workflow.Quick, phase, documents, snapshot.TaskCounts(), index.Drift(snapshot), next);
    }

    /// <summary>
    /// The version of each of the workflow's documents that exists, by document name: what the audit log records around a
    /// call. Only the documents are read, not the progress, counts and drift a <see cref="StatusAsync"/> works out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> VersionsAsync(string spec, CancellationToken cancellationToken)
    {
        var snapshot = await LoadAsync(spec, cancellationToken);
        return snapshot.Files.ToDictionary(f => SpecLayout.Name(f.Key), f => f.Value.Version, StringComparer.Ordinal);
    }

    /// <summary>About 5,000 tokens of trace a page: a large spec's trace would otherwise be one huge result.</summary>
    public const int TracePageCharacters = 20_000;

    public async Task<SpecTrace> TraceAsync(string spec, string? requirement, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var size = InputRange.Check("limit", limit, MaxPageSize, 1, MaxPageSize);
        var snapshot = await LoadAsync(spec, cancellationToken);
        var requirements = snapshot.Documents.Requirements?.Requirements
            ?? throw Missing(snapshot, snapshot.Workflow.CriteriaSource);
        var tasks = snapshot.Documents.Tasks?.Tasks ?? [];
        var properties = snapshot.Documents.Design?.Properties ?? [];
        var filter = requirement?.Trim();
        var evidence = LatestEvidence(snapshot.Runs);
        var anyEvidence = evidence.Count > 0;
        var traces = new List<CriterionTrace>();
        foreach (var req in requirements)
        {
            foreach (var criterion in req.Criteria)
            {
                if (!string.IsNullOrEmpty(filter) && filter != req.Id && filter != criterion.Id)
                {
                    continue;
                }
                var citing = tasks.Where(t => t.Requirements.Contains(criterion.Id) || t.Requirements.Contains(req.Id)).Select(t => Traced(t, snapshot.Runs)).ToList();
                var tests = evidence.GetValueOrDefault(criterion.Id);
                traces.Add(new CriterionTrace(
                    criterion.Id,
                    req.Title is null ? $"Requirement {req.Id}" : $"Requirement {req.Id}: {req.Title}",
                    criterion.Text,
                    citing,
                    properties.Where(p => p.Validates.Contains(criterion.Id)).Select(p => $"Property {p.Number}: {p.Title}").ToList())
                {
                    State = tests is { Failed.Count: > 0 } ? "failing"
                        : tests is { Passed.Count: > 0 } ? "verified"
                        : citing.Count == 0 ? "uncovered"
                        : anyEvidence ? "untested" : "covered",
                    Evidence = tests,
                });
            }
        }
        if (!string.IsNullOrEmpty(filter) && traces.Count == 0)
        {
            throw new KiroException("requirement_not_found",
                $"Spec '{spec}' has no requirement or criterion '{filter}'. Pass a requirement number such as '1' or a criterion id such as '1.2', or leave it out to trace everything.");
        }
        var start = 0;
        if (!string.IsNullOrEmpty(cursor))
        {
            start = traces.FindIndex(t => t.Id == cursor) + 1;
            if (start == 0)
            {
                throw new KiroException("cursor_invalid", $"'{cursor}' is not a criterion of this trace. Pass the nextCursor of the previous page, or leave cursor out for the first page.");
            }
        }
        var page = new List<CriterionTrace>();
        var characters = 0;
        for (var i = start; i < traces.Count && page.Count < size; i++)
        {
            // Measured as it goes on the wire; the first criterion of a page is always taken.
            var length = JsonSerializer.Serialize(traces[i], TraceJson.Default.CriterionTrace).Length;
            if (page.Count > 0 && characters + length > TracePageCharacters)
            {
                break;
            }
            page.Add(traces[i]);
            characters += length;
        }
        var next = start + page.Count < traces.Count ? page[^1].Id : null;
        return new SpecTrace(spec, page, traces.Count, next);
    }

    /// <summary>The spec as JSON, a Jira CSV import or GitHub issues (<see cref="SpecExporter"/>).</summary>
    public async Task<SpecExport> ExportAsync(string spec, ExportFormat format, CancellationToken cancellationToken) =>
        SpecExporter.Export(SpecModel.Of(await LoadAsync(spec, cancellationToken)), format);

    public async Task<SpecSnapshot> LoadAsync(string spec, CancellationToken cancellationToken)
    {
        SpecName.CheckExisting(spec);
        if (!store.DirectoryExists(SpecLayout.Folder(spec)))
        {
            var names = Names();
            var known = names.Count == 0 ? "There are no specs yet" : "Specs: " + string.Join(", ", names.Take(20)) + (names.Count > 20 ? ", …" : "");
            throw new KiroException("spec_not_found", $"There is no spec '{spec}'. {known}. Create one with spec_create.");
        }
        var configFile = await store.ReadAsync(SpecLayout.Config(spec), cancellationToken);
        // A spec made by hand or by an old Kiro may lack .config.kiro: infer what Kiro would.
        var config = (configFile is null ? null : index.Config(SpecLayout.Config(spec), configFile))
            ?? new SpecConfig("", store.FileExists(SpecLayout.Document(spec, DocumentKind.Bugfix)) ? SpecType.Bugfix : SpecType.Feature, WorkflowType.RequirementsFirst);
        var stateFile = await store.ReadAsync(SpecLayout.State(spec), cancellationToken);
        var state = stateFile is null ? SpecState.Empty : index.State(SpecLayout.State(spec), stateFile);
        var workflow = SpecWorkflow.For(config, state.Quick);
        // Only the workflow's own documents: a stray file of another kind is not part of this spec.
        var files = new Dictionary<DocumentKind, VersionedText>();
        foreach (var kind in workflow.Order)
        {
            if (await store.ReadAsync(SpecLayout.Document(spec, kind), cancellationToken) is { } file)
            {
                if (file.Text.Length > MaxDocumentLength)
                {
                    throw new KiroException("document_too_large",
                        $"{SpecLayout.Document(spec, kind)} is {file.Text.Length:N0} characters; the server reads spec documents of up to {MaxDocumentLength:N0}. Split the spec into smaller specs, or trim the document in an editor.");
                }
                files[kind] = file;
            }
        }

        var criteriaKind = workflow.CriteriaSource;
        var criteria = files.GetValueOrDefault(criteriaKind) is { } c ? index.Requirements(SpecLayout.Document(spec, criteriaKind), c, criteriaKind) : null;
        var design = files.GetValueOrDefault(DocumentKind.Design) is { } d ? index.Design(SpecLayout.Document(spec, DocumentKind.Design), d) : null;
        cancellationToken.ThrowIfCancellationRequested();
        var tasks = files.GetValueOrDefault(DocumentKind.Tasks) is { } t ? index.TasksCancellable(SpecLayout.Document(spec, DocumentKind.Tasks), t, cancellationToken) : null;
        cancellationToken.ThrowIfCancellationRequested();
        var (runsVersion, runs) = await index.RunsAsync(store, spec, cancellationToken);
        return new SpecSnapshot(spec, config, state, workflow, files, new SpecDocuments(criteria, design, tasks), runs) { RunLogVersion = runsVersion };
    }

    /// <summary>
    /// Each criterion's latest recorded test evidence (<see cref="RunEvidence"/>, from the verifications of any task's runs):
    /// a later run that says nothing of a criterion leaves its earlier evidence standing.
    /// </summary>
    private static Dictionary<string, CriterionEvidence> LatestEvidence(IReadOnlyList<TaskRun> runs)
    {
        var latest = new Dictionary<string, CriterionEvidence>(StringComparer.Ordinal);
        foreach (var recorded in runs.Select(r => r.Evidence).OfType<RunEvidence>().OrderBy(e => e.At))
        {
            foreach (var (id, tests) in recorded.Criteria)
            {
                latest[id] = tests;
            }
        }
        return latest;
    }

    /// <summary>A task with the commits and files of its completed runs.</summary>
    private static TracedTask Traced(TaskItem task, IReadOnlyList<TaskRun> runs)
    {
        var completed = runs.Where(r => r.Task == task.Id && r.CompletedAt is not null).ToList();
        return new TracedTask(task.Id, task.Title, StatusName(task.Status),
            completed.SelectMany(r => r.Commits ?? []).DistinctBy(c => c.Sha).ToList(),
            completed.SelectMany(r => r.Files ?? []).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    public static string StatusName(Documents.TaskStatus status) => status switch
    {
        Documents.TaskStatus.Done => "done",
        Documents.TaskStatus.InProgress => "in_progress",
        Documents.TaskStatus.Queued => "queued",
        _ => "not_started",
    };

    /// <summary>
    /// An info finding when task_complete would verify nothing: no task has a _Verify: line and the
    /// workspace has no default command. Said here because the first hint otherwise comes only after
    /// a task was already completed unverified.
    /// </summary>
    private async Task<Finding?> UnverifiedAsync(SpecSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.Documents.Tasks is not { Tasks: [var first, ..] } tasks || tasks.Tasks.Any(VerificationSettings.HasOwnCommand))
        {
            return null;
        }
        var (command, _) = await VerificationSettings.ForAsync(store, first, cancellationToken);
        return command is not null ? null : new Finding(FindingSeverity.Info, FindingCodes.TasksUnverified, "tasks", first.Line,
            "No task has a verification command, so task_complete will mark tasks done without checking anything.",
            $"Add '  - _Verify: <command>_' under a task (e.g. '_Verify: npm test_'), or set a default for every task in {VerificationSettings.Path}: {VerificationSettings.Example}.");
    }

    /// <summary>The validator's findings plus template placeholders left in any document.</summary>
    private ValidationReport Validate(SpecSnapshot snapshot)
    {
        var report = SpecValidator.Validate(snapshot.Documents);
        var placeholders = snapshot.Files.SelectMany(f => TemplatePlaceholders.Find(f.Key, f.Value.Text));
        var drift = index.Drift(snapshot).Select(r => new Finding(FindingSeverity.Warning, FindingCodes.TaskNeedsRecheck, "tasks", r.Line,
            $"Task {r.Task} is done, but {string.Join(", ", r.Changed)} changed after it was completed.",
            $"Check the implementation against the new text; if it no longer holds, restart the task with task_start(restart: true)."));
        return report with { Findings = SpecValidator.Order(report.Findings.Concat(placeholders).Concat(drift)) };
    }

    private async Task<SpecSummary> SummarizeAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await LoadAsync(name, cancellationToken);
            var approvals = snapshot.Workflow.Order.ToDictionary(SpecLayout.Name, snapshot.ApprovalOf);
            return new SpecSummary(name, SpecConfig.TypeName(snapshot.Config.Type), SpecConfig.WorkflowName(snapshot.Config.Workflow),
                snapshot.Workflow.Quick, SpecProgress.Of(snapshot).Phase, approvals, snapshot.TaskCounts());
        }
        catch (KiroException e)
        {
            // One broken spec must not hide the others: list it with the reason.
            return new SpecSummary(name, "unknown", "unknown", false, "unreadable: " + e.Message, new Dictionary<string, string>(), new TaskCounts(0, 0, 0, 0, 0, 0));
        }
    }

    private static DocumentKind DocumentOf(SpecSnapshot snapshot, string document)
    {
        var allowed = string.Join(", ", snapshot.Workflow.Order.Select(SpecLayout.Name));
        var kind = SpecLayout.TryParseDocument(document)
            ?? throw new KiroException("document_invalid", $"'{document}' is not a spec document. Use one of: {allowed}.");
        if (!snapshot.Workflow.Contains(kind))
        {
            throw new KiroException("document_not_in_spec",
                $"Spec '{snapshot.Name}' is a {SpecConfig.TypeName(snapshot.Config.Type)} spec; its documents are {allowed}.");
        }
        return kind;
    }

    private static KiroException Missing(SpecSnapshot snapshot, DocumentKind kind) => new("document_missing",
        $"{SpecLayout.FileName(kind)} of spec '{snapshot.Name}' does not exist yet. Write it with spec_write(spec: '{snapshot.Name}', document: '{SpecLayout.Name(kind)}', content: …). {SpecTemplates.Guidance(kind)}");

    /// <summary>A whole-document write keeps the file's BOM and line endings, so the diff shows only real changes.</summary>
    private static string KeepEncoding(string content, string existing)
    {
        var text = DocumentEditor.NormalizeLineEndings(content.TrimStart('\uFEFF'), existing);
        return existing.StartsWith('\uFEFF') ? '\uFEFF' + text : text;
    }

    private static bool IsSpecName(string name)
    {
        try
        {
            SpecName.CheckExisting(name);
            return true;
        }
        catch (KiroException)
        {
            return false;
        }
    }
}
