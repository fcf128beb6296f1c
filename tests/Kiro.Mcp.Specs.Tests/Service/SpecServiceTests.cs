using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Workflow;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Tests.Service;

public sealed class SpecServiceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kiro-mcp-specs-").FullName;
    private readonly SpecService _specs;

    public SpecServiceTests() => _specs = new SpecService(new FileStore(new WorkspaceRoot(_root)), new SpecIndex(), TimeProvider.System);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [MemberData(nameof(KiroFixtures.Corpora), MemberType = typeof(KiroFixtures))]
    public async Task Every_fixture_repository_lists_and_reports_status_without_errors(string corpus)
    {
        var repositories = KiroFixtures.Named(corpus).Workspaces("specs").ToList();
        Assert.NotEmpty(repositories);
        foreach (var repository in repositories)
        {
            var workspace = Path.Combine(_root, Path.GetFileName(repository));
            KiroFixtures.CopyFolder(Path.Combine(repository, ".kiro", "specs"), Path.Combine(workspace, ".kiro", "specs"));
            var specs = new SpecService(new FileStore(new WorkspaceRoot(workspace)), new SpecIndex(), TimeProvider.System);

            var page = await specs.ListAsync(null, null, CancellationToken.None);
            Assert.Equal(specs.Names().Count, page.Specs.Count);
            foreach (var summary in page.Specs)
            {
                Assert.DoesNotContain("unreadable", summary.Phase);
                var status = await specs.StatusAsync(summary.Name, CancellationToken.None);
                Assert.False(string.IsNullOrEmpty(status.NextAction));
                await specs.ValidateAsync(summary.Name, CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task A_spec_without_config_kiro_is_inferred_from_its_documents()
    {
        Write(".kiro/specs/old-bug/bugfix.md", "# Bugfix Requirements Document\n");
        Write(".kiro/specs/old-feature/requirements.md", "# Requirements Document\n");

        Assert.Equal("bugfix", (await _specs.StatusAsync("old-bug", CancellationToken.None)).Type);
        var feature = await _specs.StatusAsync("old-feature", CancellationToken.None);
        Assert.Equal(("feature", "requirements-first", "requirements"), (feature.Type, feature.Workflow, feature.Phase));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(201)]
    public async Task A_page_size_outside_its_documented_range_is_refused_with_the_range(int limit)
    {
        var error = await Assert.ThrowsAsync<KiroException>(() => _specs.ListAsync(null, limit, CancellationToken.None));
        Assert.Equal("argument_out_of_range", error.Code);
        Assert.Contains("from 1 to 200", error.Message);
    }

    [Fact]
    public async Task Specs_page_with_a_cursor_in_name_order()
    {
        foreach (var name in new[] { "c-spec", "a-spec", "b-spec" })
        {
            await _specs.CreateAsync(name, SpecType.Feature, WorkflowType.RequirementsFirst, false, null, CancellationToken.None);
        }

        var first = await _specs.ListAsync(null, 2, CancellationToken.None);
        Assert.Equal(["a-spec", "b-spec"], first.Specs.Select(s => s.Name));
        Assert.Equal(3, first.Total);
        var second = await _specs.ListAsync(first.NextCursor, 2, CancellationToken.None);
        Assert.Equal(["c-spec"], second.Specs.Select(s => s.Name));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task A_very_large_document_is_read_truncated_with_its_sections_listed()
    {
        await _specs.CreateAsync("big", SpecType.Feature, WorkflowType.RequirementsFirst, true, null, CancellationToken.None);
        var text = "# Requirements Document\n\n" + string.Concat(Enumerable.Range(1, 400).Select(i =>
            $"### Requirement {i}: Item {i}\n\n**User Story:** As a user, I want item {i}, so that it works.\n\n#### Acceptance Criteria\n\n1. THE System SHALL keep item {i} for {i} days and report it in the monthly summary\n\n"));
        Write(".kiro/specs/big/requirements.md", text);

        var read = await _specs.ReadAsync("big", "requirements", null, CancellationToken.None);

        Assert.True(read.Truncated);
        Assert.True(read.Text.Length <= SpecService.MaxTextLength);
        Assert.Contains("Requirement 400: Item 400", read.Sections!);
        Assert.Equal(FileStore.ComputeVersion(text), read.Version);
        var section = await _specs.ReadAsync("big", "requirements", "Requirement 400: Item 400", CancellationToken.None);
        Assert.Contains("item 400", section.Text);
    }

    [Fact]
    public async Task A_whole_document_write_keeps_the_files_bom_and_crlf()
    {
        await _specs.CreateAsync("kept", SpecType.Feature, WorkflowType.RequirementsFirst, false, null, CancellationToken.None);
        Write(".kiro/specs/kept/requirements.md", "\uFEFF# Requirements Document\r\n\r\nOld.\r\n");

        await _specs.WriteAsync("kept", "requirements", "# Requirements Document\n\nNew.\n", null, null, CancellationToken.None);

        Assert.Equal("\uFEFF# Requirements Document\r\n\r\nNew.\r\n"u8.ToArray(), File.ReadAllBytes(Path.Combine(_root, ".kiro/specs/kept/requirements.md")));
    }

    [Fact]
    public async Task The_status_next_action_names_the_same_task_as_task_next_when_dependencies_reorder_work()
    {
        await _specs.CreateAsync("ordered", SpecType.Feature, WorkflowType.RequirementsFirst, true, null, CancellationToken.None);
        Write(".kiro/specs/ordered/requirements.md", "# Requirements Document\n");
        Write(".kiro/specs/ordered/design.md", "# Design Document\n");
        Write(".kiro/specs/ordered/tasks.md", "# Implementation Plan\n\n- [ ] 1. Wire the UI\n  - _Depends: 2_\n- [ ] 2. Build the model\n");
        var store = new FileStore(new WorkspaceRoot(_root));
        var board = new TaskService(_specs, new SpecIndex(), store, new GitHistory(store.Root), new CommandRunner(store.Root), new WorkspaceTrust(store.Root, new TrustList(new UserKiroFolder(null)), trustedForThisProcess: true), new Kiro.Mcp.Specs.Execution.NoSteering(), TimeProvider.System);

        var status = await _specs.StatusAsync("ordered", CancellationToken.None);
        var next = await board.NextAsync("ordered", CancellationToken.None);

        Assert.Equal("2", next.Task!.Id);
        Assert.Contains("task 2 'Build the model'", status.NextAction);
    }

    [Fact]
    public async Task A_quick_spec_with_all_three_documents_written_through_the_service_is_in_implementation()
    {
        await _specs.CreateAsync("quick-all", SpecType.Feature, WorkflowType.RequirementsFirst, true, null, CancellationToken.None);
        await _specs.WriteAsync("quick-all", "requirements", QuickRequirements, null, null, CancellationToken.None);
        await _specs.WriteAsync("quick-all", "design", "# Design Document\n\n## Overview\n\nA list in memory.\n", null, null, CancellationToken.None);
        await _specs.WriteAsync("quick-all", "tasks", "# Implementation Plan\n\n- [ ] 1. Add items\n  - _Requirements: 1.1_\n", null, null, CancellationToken.None);

        var status = await _specs.StatusAsync("quick-all", CancellationToken.None);

        Assert.Equal("implementation", status.Phase);
        Assert.Contains("task_start", status.NextAction);
    }

    [Fact]
    public async Task A_quick_spec_that_skipped_its_design_is_in_implementation_once_its_tasks_exist()
    {
        await _specs.CreateAsync("quick-skip", SpecType.Feature, WorkflowType.RequirementsFirst, true, null, CancellationToken.None);
        await _specs.WriteAsync("quick-skip", "requirements", QuickRequirements, null, null, CancellationToken.None);
        await _specs.WriteAsync("quick-skip", "tasks", "# Implementation Plan\n\n- [ ] 1. Add items\n  - _Requirements: 1.1_\n", null, null, CancellationToken.None);

        var status = await _specs.StatusAsync("quick-skip", CancellationToken.None);

        Assert.Equal("implementation", status.Phase);
        Assert.DoesNotContain("design.md", status.NextAction);
    }

    [Fact]
    public async Task A_quick_spec_whose_criteria_are_still_the_template_cannot_start_a_task_and_says_so()
    {
        await _specs.CreateAsync("quick-template", SpecType.Feature, WorkflowType.RequirementsFirst, true, null, CancellationToken.None);
        await _specs.WriteAsync("quick-template", "tasks", "# Implementation Plan\n\n- [ ] 1. Add items\n  - _Requirements: 1.1_\n", null, null, CancellationToken.None);
        var store = new FileStore(new WorkspaceRoot(_root));
        var board = new TaskService(_specs, new SpecIndex(), store, new GitHistory(store.Root), new CommandRunner(store.Root), new WorkspaceTrust(store.Root, new TrustList(new UserKiroFolder(null)), trustedForThisProcess: true), new Kiro.Mcp.Specs.Execution.NoSteering(), TimeProvider.System);

        var status = await _specs.StatusAsync("quick-template", CancellationToken.None);
        Assert.Equal("requirements", status.Phase);
        Assert.Contains("placeholder", status.NextAction);

        var context = await board.ContextAsync("quick-template", "1", CancellationToken.None);
        Assert.Empty(context.Criteria);
        var error = await Assert.ThrowsAsync<KiroException>(() => board.StartAsync("quick-template", "1", false, "tester", CancellationToken.None));
        Assert.Equal("criteria_placeholder", error.Code);
        Assert.Contains("spec_write", error.Message);
        Assert.Contains("- [ ] 1. Add items", File.ReadAllText(Path.Combine(_root, ".kiro/specs/quick-template/tasks.md")));
    }

    private const string QuickRequirements = "# Requirements Document\n\n## Requirements\n\n### Requirement 1: Items\n\n**User Story:** As a user, I want to add items, so that I remember them.\n\n#### Acceptance Criteria\n\n1. WHEN the user adds an item, THE App SHALL store it.\n";

    [Fact]
    public async Task A_large_trace_comes_in_pages_that_stay_small_and_together_hold_every_criterion()
    {
        var requirements = new System.Text.StringBuilder("# Requirements Document\n\n## Requirements\n\n");
        for (var r = 1; r <= 30; r++)
        {
            requirements.Append($"### Requirement {r}: Area {r}\n\n**User Story:** As a user, I want area {r}, so that it works.\n\n#### Acceptance Criteria\n\n");
            for (var c = 1; c <= 10; c++)
            {
                requirements.Append($"{c}. WHEN the user does thing {c} in area {r} with a description long enough to weigh something, THE App SHALL respond within 200 ms.\n");
            }
            requirements.Append('\n');
        }
        Write(".kiro/specs/wide/requirements.md", requirements.ToString());

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _specs.TraceAsync("wide", null, cursor, null, CancellationToken.None);
            Assert.Equal(300, page.Total);
            Assert.True(System.Text.Json.JsonSerializer.Serialize(page).Length < SpecService.TracePageCharacters + 2_000);
            seen.AddRange(page.Criteria.Select(c => c.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 50);

        Assert.True(pages > 1);
        Assert.Equal(300, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal("cursor_invalid", (await Assert.ThrowsAsync<KiroException>(() => _specs.TraceAsync("wide", null, "99.99", null, CancellationToken.None))).Code);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));
    }
}
