using System.Text.Json;
using Kiro.Mcp.Specs.Documents;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Service;

/// <summary>
/// The parse and run-log caches: the server never parses what it wrote itself, and never answers with
/// anything but what is on disk now.
/// </summary>
public sealed class SpecCacheTests : IDisposable
{
    private const string Spec = "cached";
    private const string TasksPath = ".kiro/specs/cached/tasks.md";

    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-cache-").FullName;
    private readonly FileStore _store;
    private readonly SpecIndex _index;
    private readonly SpecService _specs;
    private readonly TaskService _board;

    public SpecCacheTests()
    {
        _store = new FileStore(new WorkspaceRoot(_root));
        _index = new SpecIndex(_store);
        _specs = new SpecService(_store, _index, TimeProvider.System);
        _board = new TaskService(_specs, _index, _store, new GitHistory(_store.Root), new CommandRunner(_store.Root),
            new WorkspaceTrust(_store.Root, new TrustList(new UserKiroFolder(null)), trustedForThisProcess: true), new NoSteering(), TimeProvider.System);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Starting_completing_and_setting_a_status_parse_nothing_the_server_wrote_itself()
    {
        await CreateAsync();
        await _specs.StatusAsync(Spec, Ct);
        var parses = _index.Parses;

        await _board.StartAsync(Spec, "1.1", false, "tester", Ct);
        await _board.CompleteAsync(Spec, "1.1", null, false, "tester", Ct);
        await _board.SetStatusAsync(Spec, "2", "queued", Ct);
        await _board.NextAsync(Spec, Ct);
        var status = await _specs.StatusAsync(Spec, Ct);

        Assert.Equal(parses, _index.Parses);
        Assert.Equal(1, status.Tasks.Done);
        Assert.Equal(1, status.Tasks.Queued);
    }

    [Fact]
    public async Task The_parse_kept_after_a_status_change_is_the_parse_of_the_written_file()
    {
        await CreateAsync();

        await _board.StartAsync(Spec, "1.1", false, "tester", Ct);
        await _board.CompleteAsync(Spec, "1.1", null, false, "tester", Ct);
        await _board.SetStatusAsync(Spec, "2", "in_progress", Ct);
        var kept = (await _specs.LoadAsync(Spec, Ct)).Documents.Tasks!;
        var fresh = TasksParser.Parse(File.ReadAllText(Path.Combine(_root, TasksPath)));

        Assert.Equal(JsonSerializer.Serialize(fresh), JsonSerializer.Serialize(kept));
        Assert.Equal(["in_progress", "done", "not_started", "in_progress"], kept.Tasks.Select(t => SpecService.StatusName(t.Status)));
    }

    [Fact]
    public async Task An_edit_in_an_editor_between_two_calls_is_seen_by_the_second()
    {
        await CreateAsync();
        await _board.StartAsync(Spec, "1.1", false, "tester", Ct);
        var before = await _specs.StatusAsync(Spec, Ct);

        // Same length, so only the content tells: the editor marks 1.1 done and queues 2.
        var text = File.ReadAllText(Path.Combine(_root, TasksPath));
        File.WriteAllText(Path.Combine(_root, TasksPath), text.Replace("- [-] 1.1", "- [x] 1.1", StringComparison.Ordinal).Replace("- [ ] 2.", "- [~] 2.", StringComparison.Ordinal));
        var after = await _specs.StatusAsync(Spec, Ct);
        var listed = await _board.ListAsync(Spec, null, null, null, Ct);

        Assert.Equal((0, 2), (before.Tasks.Done, before.Tasks.InProgress));
        Assert.Equal((1, 1, 1), (after.Tasks.Done, after.Tasks.InProgress, after.Tasks.Queued));
        Assert.Equal(["in_progress", "done", "not_started", "queued"], listed.Tasks.Select(t => t.Status));
    }

    [Fact]
    public async Task Identical_calls_on_quiet_files_see_an_editors_change_made_between_them()
    {
        await CreateAsync();
        // Once the files have been unchanged for longer than the store's margin (a second), reads are answered by
        // the files' stamps and what is worked out from a parse (counts, the next task) is reused.
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        await _specs.StatusAsync(Spec, Ct);
        var before = await _specs.StatusAsync(Spec, Ct);
        var next = await _board.NextAsync(Spec, Ct);
        Assert.Same(next, await _board.NextAsync(Spec, Ct));

        // In place and of the same length, as an editor saves: 1.1 done. And the spec is no longer quick.
        var tasks = Path.Combine(_root, TasksPath);
        File.WriteAllText(tasks, File.ReadAllText(tasks).Replace("- [ ] 1.1", "- [x] 1.1", StringComparison.Ordinal));
        var state = Path.Combine(_root, SpecLayout.State(Spec));
        File.WriteAllText(state, File.ReadAllText(state).Replace("\"quick\": true", "\"quick\": false", StringComparison.Ordinal));
        var after = await _specs.StatusAsync(Spec, Ct);
        var nextAfter = await _board.NextAsync(Spec, Ct);

        Assert.Equal((0, true), (before.Tasks.Done, before.Quick));
        Assert.Equal((1, false), (after.Tasks.Done, after.Quick));
        Assert.Equal("1.1", next.Task!.Id);
        Assert.Equal("1.2", nextAfter.Task!.Id);
    }

    [Fact]
    public async Task A_template_placeholder_an_editor_puts_into_a_quiet_quick_spec_and_takes_out_again_is_seen_each_time()
    {
        await CreateAsync();
        // Quiet files are answered by their stamps; the search for placeholders is kept per text read.
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        await _specs.StatusAsync(Spec, Ct);
        var before = await _specs.StatusAsync(Spec, Ct);

        // In place, as an editor saves: the design's overview becomes one of the template's placeholders.
        var design = Path.Combine(_root, ".kiro/specs/cached/design.md");
        var text = File.ReadAllText(design);
        File.WriteAllText(design, text.Replace("A list in memory.", "[Types, fields, invariants.]", StringComparison.Ordinal));
        var held = await _specs.StatusAsync(Spec, Ct);
        File.WriteAllText(design, text);
        var after = await _specs.StatusAsync(Spec, Ct);

        Assert.Equal("implementation", before.Phase);
        Assert.Equal("design", held.Phase);
        Assert.Contains("[Types, fields, invariants.]", held.NextAction);
        Assert.Equal("implementation", after.Phase);
    }

    [Fact]
    public async Task Many_calls_at_once_on_a_spec_no_one_parsed_yet_parse_each_document_once()
    {
        await CreateAsync();
        // A large tasks.md, so that the first calls overlap while it is parsed (200 sessions' first calls on a server).
        var tasks = new System.Text.StringBuilder("# Implementation Plan\n\n");
        for (var i = 1; i <= 2_000; i++)
        {
            tasks.Append(System.Globalization.CultureInfo.InvariantCulture, $"- [ ] {i}. Task {i} with some words to parse\n  - _Requirements: 1.1_\n");
        }
        File.WriteAllText(Path.Combine(_root, TasksPath), tasks.ToString());
        var alone = new SpecIndex(_store);
        await new SpecService(_store, alone, TimeProvider.System).StatusAsync(Spec, Ct);

        var index = new SpecIndex(_store);
        var specs = new SpecService(_store, index, TimeProvider.System);
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => specs.StatusAsync(Spec, Ct), Ct)));

        Assert.Equal(alone.Parses, index.Parses);
    }

    [Fact]
    public async Task The_watcher_forgetting_a_file_that_still_exists_keeps_its_parse_and_drops_a_deleted_ones()
    {
        await CreateAsync();
        await _specs.StatusAsync(Spec, Ct);
        var parses = _index.Parses;

        _index.Forget([TasksPath, ".kiro/specs/cached/design.md"]);
        await _specs.StatusAsync(Spec, Ct);
        Assert.Equal(parses, _index.Parses);

        var design = File.ReadAllText(Path.Combine(_root, ".kiro/specs/cached/design.md"));
        File.Delete(Path.Combine(_root, ".kiro/specs/cached/design.md"));
        _index.Forget([".kiro/specs/cached/design.md"]);
        File.WriteAllText(Path.Combine(_root, ".kiro/specs/cached/design.md"), design);
        await _specs.StatusAsync(Spec, Ct);
        Assert.Equal(parses + 1, _index.Parses);
    }

    [Fact]
    public async Task Task_next_does_not_parse_the_run_log()
    {
        await CreateAsync();
        // A legacy run log no JSON parser accepts: a call that parsed it would fail with runs_invalid.
        File.WriteAllText(Path.Combine(_root, RunLog.LegacyPathOf(Spec)), "{ not json");

        var next = await _board.NextAsync(Spec, Ct);
        var error = await Assert.ThrowsAsync<KiroException>(() => _specs.TraceAsync(Spec, null, null, null, Ct));

        Assert.Equal("1.1", next.Task!.Id);
        Assert.Equal("runs_invalid", error.Code);
    }

    [Fact]
    public async Task Task_start_with_a_broken_run_log_fails_before_tasks_md_changes()
    {
        await CreateAsync();
        File.WriteAllText(Path.Combine(_root, RunLog.LegacyPathOf(Spec)), "{ not json");
        var before = File.ReadAllText(Path.Combine(_root, TasksPath));

        var error = await Assert.ThrowsAsync<KiroException>(() => _board.StartAsync(Spec, "1.1", false, "tester", Ct));

        Assert.Equal("runs_invalid", error.Code);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_root, TasksPath)));
    }

    [Fact]
    public async Task A_run_log_edited_outside_is_read_again_and_an_unchanged_one_keeps_its_version()
    {
        await CreateAsync();
        await _board.StartAsync(Spec, "1.1", false, "tester", Ct);
        await _board.CompleteAsync(Spec, "1.1", null, false, "tester", Ct);
        var first = await _specs.LoadAsync(Spec, Ct);
        var again = await _specs.LoadAsync(Spec, Ct);
        Assert.Single(first.Runs);
        Assert.Equal(first.RunLogVersion, again.RunLogVersion);

        File.WriteAllText(Path.Combine(_root, RunLog.PathOf(Spec)), "");
        var emptied = await _specs.LoadAsync(Spec, Ct);

        Assert.Empty(emptied.Runs);
        Assert.NotEqual(first.RunLogVersion, emptied.RunLogVersion);
    }

    private async Task CreateAsync()
    {
        await _specs.CreateAsync(Spec, SpecType.Feature, WorkflowType.RequirementsFirst, true, null, Ct);
        await _specs.WriteAsync(Spec, "requirements",
            "# Requirements Document\n\n## Requirements\n\n### Requirement 1: Items\n\n**User Story:** As a user, I want to add items, so that I remember them.\n\n#### Acceptance Criteria\n\n1. WHEN the user adds an item, THE App SHALL store it.\n",
            null, null, Ct);
        await _specs.WriteAsync(Spec, "design", "# Design Document\n\n## Overview\n\nA list in memory.\n", null, null, Ct);
        await _specs.WriteAsync(Spec, "tasks",
            "# Implementation Plan\n\n- [ ] 1. Items\n  - [ ] 1.1 Add items\n    - _Requirements: 1.1_\n  - [ ] 1.2 List items\n    - _Requirements: 1.1_\n- [ ] 2. Remove items\n  - _Requirements: 1.1_\n",
            null, null, Ct);
    }
}
