using LibGit2Sharp;

namespace Kiro.Mcp.Workspace.Tests;

/// <summary>
/// A whole-workspace watcher skips what the repository's ignore rules exclude, not a fixed list of
/// folder names, and spends no operating-system watch on ignored folders.
/// </summary>
public class WorkspaceWatcherIgnoreTests
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task A_save_in_bin_is_reported_when_the_gitignore_does_not_exclude_bin()
    {
        using var workspace = GitWorkspace("dist/\nnode_modules/\n");
        workspace.Write("bin/cli.js", "#!/usr/bin/env node\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        File.WriteAllText(workspace.Full("bin/cli.js"), "#!/usr/bin/env node\nconsole.log(1);\n");

        await recorder.WaitForAsync("bin/cli.js");
    }

    [Fact]
    public async Task Saves_in_folders_the_gitignore_excludes_are_not_reported()
    {
        using var workspace = GitWorkspace("dist/\nnode_modules/\n");
        workspace.Write("dist/app.js", "v0\n");
        workspace.Write("node_modules/pkg/index.js", "v0\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        File.WriteAllText(workspace.Full("dist/app.js"), "v1\n");
        workspace.Write("dist/new/chunk.js", "v1\n");
        File.WriteAllText(workspace.Full("node_modules/pkg/index.js"), "v1\n");
        workspace.Write("node_modules/other/index.js", "v1\n");
        // The sentinel comes last: once it is reported, so is everything before it.
        workspace.Write("sentinel.txt", "done\n");
        await recorder.WaitForAsync("sentinel.txt");

        Assert.DoesNotContain(recorder.AllPaths, p => p.StartsWith("dist", StringComparison.Ordinal) || p.StartsWith("node_modules", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_nested_gitignore_excludes_its_own_folders()
    {
        using var workspace = GitWorkspace("");
        workspace.Write("packages/web/.gitignore", "build/\n");
        workspace.Write("packages/web/build/out.js", "v0\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        File.WriteAllText(workspace.Full("packages/web/build/out.js"), "v1\n");
        workspace.Write("packages/web/src/app.js", "v1\n");
        await recorder.WaitForAsync("packages/web/src/app.js");

        Assert.DoesNotContain(recorder.AllPaths, p => p.StartsWith("packages/web/build", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_kiro_folder_is_watched_even_when_the_gitignore_excludes_it()
    {
        using var workspace = GitWorkspace(".kiro/\n");
        workspace.Write(".kiro/specs/a/requirements.md", "v0\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        File.WriteAllText(workspace.Full(".kiro/specs/a/requirements.md"), "v1\n");

        await recorder.WaitForAsync(".kiro/specs/a/requirements.md");
    }

    [Fact]
    public async Task Without_git_the_gitignore_files_are_still_the_rules()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".gitignore", "out/\n");
        workspace.Write("out/app.js", "v0\n");
        workspace.Write("bin/cli.js", "v0\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        File.WriteAllText(workspace.Full("out/app.js"), "v1\n");
        File.WriteAllText(workspace.Full("bin/cli.js"), "v1\n");
        await recorder.WaitForAsync("bin/cli.js");

        Assert.DoesNotContain(recorder.AllPaths, p => p.StartsWith("out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_any_ignore_file_only_git_and_node_modules_are_skipped()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("node_modules/pkg/index.js", "v0\n");
        workspace.Write("bin/cli.js", "v0\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        File.WriteAllText(workspace.Full("node_modules/pkg/index.js"), "v1\n");
        File.WriteAllText(workspace.Full("bin/cli.js"), "v1\n");
        await recorder.WaitForAsync("bin/cli.js");

        Assert.DoesNotContain(recorder.AllPaths, p => p.StartsWith("node_modules", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editing_the_gitignore_while_watching_applies_the_new_rules()
    {
        using var workspace = GitWorkspace("generated/\n");
        workspace.Write("generated/a.txt", "v0\n");
        workspace.Write("src/a.txt", "v0\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        // generated/ is no longer ignored, src/ now is.
        File.WriteAllText(workspace.Full(".gitignore"), "src/\n");
        await recorder.WaitForAsync(".gitignore");
        File.WriteAllText(workspace.Full("generated/a.txt"), "v1\n");
        await recorder.WaitForAsync("generated/a.txt");
        File.WriteAllText(workspace.Full("src/a.txt"), "v1\n");
        workspace.Write("sentinel.txt", "done\n");
        await recorder.WaitForAsync("sentinel.txt");

        Assert.DoesNotContain(recorder.AllPaths, p => p.StartsWith("src", StringComparison.Ordinal));
    }

    [Fact]
    public void Ignored_folders_get_no_watch()
    {
        using var workspace = GitWorkspace("node_modules/\n");
        for (var i = 0; i < 300; i++)
        {
            Directory.CreateDirectory(workspace.Full($"node_modules/pkg{i}/lib"));
        }
        Directory.CreateDirectory(workspace.Full("src/feature"));
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);

        watcher.Start();

        // The root, src and src/feature (.git is never watched); elsewhere one recursive native watch.
        Assert.Equal(OperatingSystem.IsLinux() ? 3 : 1, watcher.WatchCount);
    }

    [Fact]
    public async Task Narrowed_to_kiro_the_watcher_gives_back_the_trees_watches_and_widened_reports_its_saves_again()
    {
        using var workspace = GitWorkspace("");
        for (var i = 0; i < 50; i++)
        {
            Directory.CreateDirectory(workspace.Full($"src/module{i}"));
        }
        workspace.Write("src/module0/app.js", "v0\n");
        workspace.Write(".kiro/specs/a/requirements.md", "# Requirements\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();
        var whole = watcher.WatchCount;

        watcher.WatchWholeWorkspace(false);

        if (OperatingSystem.IsLinux())
        {
            // The root, .kiro, .kiro/specs and .kiro/specs/a: nothing of src.
            Assert.True(whole > 50, $"{whole} watches before narrowing");
            Assert.Equal(4, watcher.WatchCount);
        }
        File.WriteAllText(workspace.Full("src/module0/app.js"), "v1\n");
        File.WriteAllText(workspace.Full(".kiro/specs/a/requirements.md"), "# Requirements\n\nEdited.\n");
        await recorder.WaitForAsync(".kiro/specs/a/requirements.md");
        Assert.DoesNotContain("src/module0/app.js", recorder.AllPaths);

        watcher.WatchWholeWorkspace(true);

        Assert.Equal(whole, watcher.WatchCount);
        File.WriteAllText(workspace.Full("src/module0/app.js"), "v2\n");
        await recorder.WaitForAsync("src/module0/app.js");
    }

    [Fact]
    public async Task A_new_folder_is_watched_and_its_later_saves_are_reported()
    {
        using var workspace = GitWorkspace("");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();
        var before = watcher.WatchCount;

        Directory.CreateDirectory(workspace.Full("lib/deep"));
        await recorder.WaitForAsync("lib/deep");
        File.WriteAllText(workspace.Full("lib/deep/x.js"), "v1\n");

        await recorder.WaitForAsync("lib/deep/x.js");
        Assert.Equal(OperatingSystem.IsLinux() ? before + 2 : before, watcher.WatchCount);
    }

    [Fact]
    public async Task A_renamed_folder_is_watched_under_its_new_name_and_a_deleted_one_gives_its_watches_back()
    {
        using var workspace = GitWorkspace("");
        workspace.Write("old/inner/a.txt", "v0\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();
        var before = watcher.WatchCount;

        Directory.Move(workspace.Full("old"), workspace.Full("renamed"));
        await recorder.WaitForAsync("renamed");
        File.WriteAllText(workspace.Full("renamed/inner/a.txt"), "v1\n");
        await recorder.WaitForAsync("renamed/inner/a.txt");
        Assert.Equal(before, watcher.WatchCount);

        Directory.Delete(workspace.Full("renamed"), recursive: true);
        workspace.Write("sentinel.txt", "done\n");
        await recorder.WaitForAsync("sentinel.txt");
        Assert.Equal(OperatingSystem.IsLinux() ? before - 2 : before, watcher.WatchCount);
    }

    [Fact]
    public async Task Past_the_watch_budget_the_watcher_polls_says_so_and_still_reports_saves()
    {
        using var workspace = GitWorkspace("");
        workspace.Write("src/a/one.txt", "v0\n");
        workspace.Write("src/b/two.txt", "v0\n");
        var options = new WatcherOptions { MaxWatches = 2, PollInterval = TimeSpan.FromMilliseconds(200) };
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", Debounce, options);
        var degraded = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Degraded += reason => degraded.TrySetResult(reason);
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        var reason = await degraded.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        File.WriteAllText(workspace.Full("src/b/two.txt"), "v1, longer\n");
        workspace.Write("src/c/three.txt", "new\n");

        await recorder.WaitForAsync("src/b/two.txt");
        await recorder.WaitForAsync("src/c/three.txt");
        Assert.Contains("2", reason, StringComparison.Ordinal);
        Assert.Equal(reason, watcher.DegradedReason);
        Assert.Equal(0, watcher.WatchCount);
    }

    [Fact]
    public void Watchers_of_many_workspaces_share_one_inotify_instance()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "inotify is Linux's.");
        var workspaces = Enumerable.Range(0, 5).Select(_ => GitWorkspace("")).ToList();
        var before = InotifyInstances();
        var watchers = workspaces.Select(w => new WorkspaceWatcher(w.Root, ".", Debounce)).ToList();
        try
        {
            watchers.ForEach(w => w.Start());

            // One for the process at most (none when another test already opened it); max_user_instances is often 128.
            Assert.InRange(InotifyInstances() - before, 0, 1);
            Assert.All(watchers, w => Assert.True(w.WatchCount > 0));
        }
        finally
        {
            watchers.ForEach(w => w.Dispose());
            workspaces.ForEach(w => w.Dispose());
        }
    }

    [Fact]
    public void Watchers_sharing_a_budget_poll_past_it_and_give_their_watches_back()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "One watch per folder is Linux's way; elsewhere a watcher holds one recursive watch.");
        using var first = GitWorkspace("");
        using var second = GitWorkspace("");
        first.Write("src/a.txt", "a\n");
        second.Write("src/b.txt", "b\n");
        var options = new WatcherOptions { Budget = new WatchBudget(3) };
        var a = new WorkspaceWatcher(first.Root, ".", Debounce, options);
        using var b = new WorkspaceWatcher(second.Root, ".", Debounce, options);

        a.Start();
        b.Start();

        // The root and src of the first; the second gets its root, is refused src, and polls.
        Assert.Null(a.DegradedReason);
        Assert.Contains("budget of 3", b.DegradedReason, StringComparison.Ordinal);
        Assert.Equal(2, options.Budget.InUse);
        a.Dispose();
        Assert.Equal(0, options.Budget.InUse);
    }

    private static int InotifyInstances() =>
        Directory.EnumerateFileSystemEntries("/proc/self/fd").Count(fd =>
        {
            try
            {
                return new FileInfo(fd).LinkTarget == "anon_inode:inotify";
            }
            catch (IOException)
            {
                return false;
            }
        });

    private static TempWorkspace GitWorkspace(string gitignore)
    {
        var workspace = new TempWorkspace();
        Repository.Init(workspace.Folder);
        workspace.Write(".gitignore", gitignore);
        return workspace;
    }
}
