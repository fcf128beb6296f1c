using System.Text.Json;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Execution;

/// <summary>
/// The run log as JSON Lines: one line per record, a completion replacing its start by id, damage skipped,
/// the old <c>.runs.json</c> read and migrated, concurrent writers losing nothing.
/// </summary>
public sealed class RunLogTests : IDisposable
{
    private const string Spec = "runs";

    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-runlog-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string LogFile => Path.Combine(_root, RunLog.PathOf(Spec));

    private string LegacyFile => Path.Combine(_root, RunLog.LegacyPathOf(Spec));

    [Fact]
    public async Task A_start_and_its_completion_are_two_compact_lines_with_one_id_and_read_as_one_run()
    {
        var (specs, board) = Board();
        await CreateAsync(specs);

        await board.StartAsync(Spec, "1.1", false, "tester", Ct);
        await board.CompleteAsync(Spec, "1.1", "done it", false, "tester", Ct);

        var lines = File.ReadAllText(LogFile).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.All(lines[..2], l => Assert.StartsWith("{\"id\":\"", l, StringComparison.Ordinal));
        Assert.DoesNotContain("\n ", File.ReadAllText(LogFile), StringComparison.Ordinal);
        var ids = lines[..2].Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids[0], ids[1]);
        var run = Assert.Single((await specs.LoadAsync(Spec, Ct)).Runs);
        Assert.Equal(("1.1", "done it"), (run.Task, run.Summary));
        Assert.NotNull(run.CompletedAt);
    }

    [Fact]
    public async Task A_partial_last_line_and_a_damaged_line_lose_no_other_record()
    {
        var (specs, board) = Board();
        await CreateAsync(specs);
        await board.StartAsync(Spec, "1.1", false, "tester", Ct);
        await board.CompleteAsync(Spec, "1.1", null, false, "tester", Ct);
        // A line of damage in the middle, then a record cut short by a crash.
        File.AppendAllText(LogFile, "not json at all\n{\"id\":\"cut\",\"task\":\"1.2\",\"start");

        var (otherSpecs, otherBoard) = Board();
        Assert.Equal(["1.1"], (await otherSpecs.LoadAsync(Spec, Ct)).Runs.Select(r => r.Task));
        await otherBoard.StartAsync(Spec, "1.2", false, "tester", Ct);

        var runs = (await specs.LoadAsync(Spec, Ct)).Runs;
        Assert.Equal(["1.1", "1.2"], runs.Select(r => r.Task));
        Assert.NotNull(runs[0].CompletedAt);
        Assert.Null(runs[1].CompletedAt);
    }

    [Fact]
    public async Task A_legacy_runs_json_is_read_and_migrated_by_the_next_record()
    {
        var (specs, board) = Board();
        await CreateAsync(specs);
        // The old format: one indented document; 1.1 done, 1.2 started.
        File.WriteAllText(LegacyFile, """
            {
              "runs": [
                { "task": "1.1", "startedAt": "2026-01-01T10:00:00+00:00", "startedBy": "old", "completedAt": "2026-01-01T11:00:00+00:00", "summary": "old run" },
                { "task": "1.2", "startedAt": "2026-01-02T10:00:00+00:00", "startedBy": "old" }
              ]
            }
            """);
        await board.SetStatusAsync(Spec, "1.1", "done", Ct);
        await board.SetStatusAsync(Spec, "1.2", "in_progress", Ct);

        Assert.Equal(["1.1", "1.2"], (await specs.LoadAsync(Spec, Ct)).Runs.Select(r => r.Task));
        await board.CompleteAsync(Spec, "1.2", "finished after the upgrade", false, "tester", Ct);

        Assert.False(File.Exists(LegacyFile));
        var runs = (await Board().Specs.LoadAsync(Spec, Ct)).Runs;
        Assert.Equal(["1.1", "1.2"], runs.Select(r => r.Task));
        Assert.Equal("old run", runs[0].Summary);
        Assert.Equal(("old", "finished after the upgrade"), (runs[1].StartedBy, runs[1].Summary));
    }

    [Fact]
    public async Task A_migration_interrupted_before_the_old_file_was_deleted_counts_no_run_twice()
    {
        var (specs, board) = Board();
        await CreateAsync(specs);
        var legacy = """{ "runs": [ { "task": "1.1", "startedAt": "2026-01-01T10:00:00+00:00", "startedBy": "old" } ] }""";
        File.WriteAllText(LegacyFile, legacy);
        await board.SetStatusAsync(Spec, "1.1", "in_progress", Ct);
        await board.StartAsync(Spec, "1.2", false, "tester", Ct);

        // The crash: the old file is back beside the log that already holds its runs.
        File.WriteAllText(LegacyFile, legacy);

        Assert.Equal(["1.1", "1.2"], (await Board().Specs.LoadAsync(Spec, Ct)).Runs.Select(r => r.Task));
    }

    [Fact]
    public async Task Two_servers_recording_runs_at_once_lose_none()
    {
        var (specs, _) = Board();
        await CreateAsync(specs, tasks: 40);
        var boards = new[] { Board().Tasks, Board().Tasks };

        await Task.WhenAll(boards.Select((board, n) => Task.Run(async () =>
        {
            for (var i = n + 1; i <= 40; i += 2)
            {
                await board.StartAsync(Spec, $"1.{i}", false, $"server {n}", Ct);
            }
        }, Ct)));

        var runs = (await Board().Specs.LoadAsync(Spec, Ct)).Runs;
        Assert.Equal(40, runs.Count);
        Assert.Equal(40, runs.Select(r => r.Task).Distinct().Count());
    }

    private (SpecService Specs, TaskService Tasks) Board()
    {
        var store = new FileStore(new WorkspaceRoot(_root));
        var index = new SpecIndex(store);
        var specs = new SpecService(store, index, TimeProvider.System);
        return (specs, new TaskService(specs, index, store, new GitHistory(store.Root), new CommandRunner(store.Root),
            new WorkspaceTrust(store.Root, new TrustList(new UserKiroFolder(null)), trustedForThisProcess: true), new NoSteering(), TimeProvider.System));
    }

    private static async Task CreateAsync(SpecService specs, int tasks = 2)
    {
        await specs.CreateAsync(Spec, SpecType.Feature, WorkflowType.RequirementsFirst, true, null, Ct);
        await specs.WriteAsync(Spec, "requirements",
            "# Requirements Document\n\n## Requirements\n\n### Requirement 1: Items\n\n**User Story:** As a user, I want to add items, so that I remember them.\n\n#### Acceptance Criteria\n\n1. WHEN the user adds an item, THE App SHALL store it.\n",
            null, null, Ct);
        await specs.WriteAsync(Spec, "design", "# Design Document\n\n## Overview\n\nA list in memory.\n", null, null, Ct);
        var list = string.Concat(Enumerable.Range(1, tasks).Select(i => $"  - [ ] 1.{i} Step {i}\n    - _Requirements: 1.1_\n"));
        await specs.WriteAsync(Spec, "tasks", $"# Implementation Plan\n\n- [ ] 1. Items\n{list}", null, null, Ct);
    }
}
