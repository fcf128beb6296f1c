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

    [Fact]
    public async Task Every_fixture_repository_lists_and_reports_status_without_errors()
    {
        var repositories = Directory.GetDirectories(FixturePaths.Root).Where(r => Directory.Exists(Path.Combine(r, ".kiro", "specs"))).ToList();
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

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));
    }
}
