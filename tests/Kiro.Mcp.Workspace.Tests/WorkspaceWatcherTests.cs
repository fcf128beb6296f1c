namespace Kiro.Mcp.Workspace.Tests;

public class WorkspaceWatcherTests
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_external_write_to_a_new_file_in_a_new_sub_folder_is_reported()
    {
        using var workspace = new TempWorkspace();
        using var watcher = new WorkspaceWatcher(workspace.Root, ".kiro", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        Directory.CreateDirectory(workspace.Full(".kiro/specs/new-feature/deeper"));
        File.WriteAllText(workspace.Full(".kiro/specs/new-feature/requirements.md"), "# Requirements\n");
        File.WriteAllText(workspace.Full(".kiro/specs/new-feature/deeper/notes.md"), "notes\n");

        await recorder.WaitForAsync(".kiro/specs/new-feature/requirements.md");
        await recorder.WaitForAsync(".kiro/specs/new-feature/deeper/notes.md");
        Assert.All(recorder.AllPaths, p => Assert.StartsWith(".kiro/", p));
    }

    [Fact]
    public async Task A_folder_moved_in_with_files_already_in_it_reports_its_files()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("staging/copied-spec/requirements.md", "# Requirements\n");
        workspace.Write("staging/copied-spec/nested/design.md", "# Design\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".kiro", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        Directory.CreateDirectory(workspace.Full(".kiro/specs"));
        Directory.Move(workspace.Full("staging/copied-spec"), workspace.Full(".kiro/specs/copied-spec"));

        await recorder.WaitForAsync(".kiro/specs/copied-spec/requirements.md");
        await recorder.WaitForAsync(".kiro/specs/copied-spec/nested/design.md");
    }

    [Fact]
    public async Task Thirty_quick_writes_to_one_file_are_reported_in_far_fewer_batches()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/steering/product.md", "v0\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".kiro", TimeSpan.FromMilliseconds(300));
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        for (var i = 1; i <= 30; i++)
        {
            File.WriteAllText(workspace.Full(".kiro/steering/product.md"), $"v{i}\n");
        }
        await recorder.WaitForAsync(".kiro/steering/product.md");
        File.WriteAllText(workspace.Full(".kiro/steering/sentinel.md"), "done\n");
        await recorder.WaitForAsync(".kiro/steering/sentinel.md");

        var batches = recorder.Batches.Count(b => b.Contains(".kiro/steering/product.md"));
        Assert.InRange(batches, 1, 10);
        Assert.All(recorder.Batches, b => Assert.Equal(b.Distinct().Order(StringComparer.Ordinal), b));
    }

    [Fact]
    public async Task Temp_files_and_runtime_files_are_not_reported()
    {
        using var workspace = new TempWorkspace();
        using var watcher = new WorkspaceWatcher(workspace.Root, ".kiro", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        workspace.Write(".kiro/.runtime/server.log", "log line\n");
        workspace.Write(".kiro/specs/.requirements.md.0123.kiro-tmp", "half written");
        await workspace.Store.WriteAsync(".kiro/specs/a/requirements.md", "# Requirements\n", FileStore.Absent, Ct);
        await recorder.WaitForAsync(".kiro/specs/a/requirements.md");
        File.WriteAllText(workspace.Full(".kiro/sentinel.md"), "done\n");
        await recorder.WaitForAsync(".kiro/sentinel.md");

        Assert.DoesNotContain(recorder.AllPaths, p => p.EndsWith(".kiro-tmp", StringComparison.Ordinal));
        Assert.DoesNotContain(recorder.AllPaths, p => p.StartsWith(".kiro/.runtime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rename_reports_both_the_old_and_the_new_name()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/steering/old.md", "x\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".kiro", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        File.Move(workspace.Full(".kiro/steering/old.md"), workspace.Full(".kiro/steering/new.md"));

        await recorder.WaitForAsync(".kiro/steering/old.md");
        await recorder.WaitForAsync(".kiro/steering/new.md");
    }

    [Fact]
    public async Task A_deletion_is_reported()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/hooks/lint.kiro.hook", "{}");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".kiro", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        File.Delete(workspace.Full(".kiro/hooks/lint.kiro.hook"));

        await recorder.WaitForAsync(".kiro/hooks/lint.kiro.hook");
    }

    [Fact]
    public async Task A_listener_that_throws_stops_neither_the_watcher_nor_the_other_listeners()
    {
        using var workspace = new TempWorkspace();
        using var watcher = new WorkspaceWatcher(workspace.Root, ".kiro", Debounce);
        watcher.Changed += _ => throw new InvalidOperationException("listener bug");
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        workspace.Write(".kiro/first.md", "1\n");
        await recorder.WaitForAsync(".kiro/first.md");
        workspace.Write(".kiro/second.md", "2\n");

        await recorder.WaitForAsync(".kiro/second.md");
    }

    [Fact]
    public void A_missing_folder_is_created_so_that_watching_can_start()
    {
        using var workspace = new TempWorkspace();

        using var watcher = new WorkspaceWatcher(workspace.Root, ".kiro", Debounce);
        watcher.Start();

        Assert.True(Directory.Exists(workspace.Full(".kiro")));
    }

    [Fact]
    public async Task Lost_events_are_reported_as_the_watched_folder_so_listeners_rescan()
    {
        using var workspace = new TempWorkspace();
        using var watcher = new WorkspaceWatcher(workspace.Root, ".kiro", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        watcher.ReportLostEvents();

        await recorder.WaitForAsync(".kiro");
    }

    [Theory]
    [InlineData("../outside", "path_outside_workspace")]
    [InlineData("/tmp", "path_invalid")]
    public void A_folder_outside_the_workspace_cannot_be_watched(string folder, string code)
    {
        using var workspace = new TempWorkspace();

        var error = Assert.Throws<KiroException>(() => new WorkspaceWatcher(workspace.Root, folder, Debounce));

        Assert.Equal(code, error.Code);
    }
}
