namespace Kiro.Mcp.Workspace.Tests;

/// <summary>The watcher's file-level report: what happened to each file over a burst, as hooks need it.</summary>
public class WorkspaceWatcherFileChangeTests
{
    [Fact]
    public async Task Created_saved_and_deleted_files_are_told_apart_and_build_folders_are_ignored()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("src/existing.txt", "v0\n");
        workspace.Write("src/doomed.txt", "bye\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", TimeSpan.FromSeconds(1), new WatcherOptions { IgnoredFolders = WatcherOptions.BuildFolders });
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();

        workspace.Write("src/new.txt", "new\n");
        File.AppendAllText(workspace.Full("src/new.txt"), "more\n");
        File.WriteAllText(workspace.Full("src/existing.txt"), "v1\n");
        File.Delete(workspace.Full("src/doomed.txt"));
        workspace.Write("src/scratch.tmp", "gone soon\n");
        File.Delete(workspace.Full("src/scratch.tmp"));
        workspace.Write("node_modules/pkg/index.js", "ignored\n");
        workspace.Write("bin/Debug/app.dll", "ignored\n");
        var seen = await recorder.UntilSentinelAsync(workspace);
        Assert.Contains(new WorkspaceChange("src/new.txt", WorkspaceChangeKind.Created), seen);
        Assert.DoesNotContain(seen, c => c.Path == "src/new.txt" && c.Kind != WorkspaceChangeKind.Created);
        Assert.Contains(new WorkspaceChange("src/existing.txt", WorkspaceChangeKind.Saved), seen);
        Assert.Contains(new WorkspaceChange("src/doomed.txt", WorkspaceChangeKind.Deleted), seen);
        Assert.DoesNotContain(seen, c => c.Path == "src/scratch.tmp");
        Assert.DoesNotContain(seen, c => c.Path.StartsWith("node_modules/", StringComparison.Ordinal) || c.Path.StartsWith("bin/", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, c => c.Path == "src");
    }
    /// <summary>
    /// A new folder's files are created, however the watcher's timing falls: it lists a new folder when it adds the folder's
    /// watch, so a file written before that is seen by the listing (created), and one renamed in after it by its own event
    /// (a rename onto a name is a save elsewhere). spec_create wrote its files on one side or the other of that moment by
    /// chance, and a file hook fired on "save" or on "create" accordingly (a flaky end-to-end test under load).
    /// </summary>
    [Fact]
    public async Task Files_renamed_into_a_folder_created_in_the_same_burst_are_created_not_saved()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("specs/old/requirements.md", "v0\n");
        using var watcher = new WorkspaceWatcher(workspace.Root, ".", TimeSpan.FromSeconds(1), new WatcherOptions { MaxDelay = TimeSpan.FromSeconds(20) });
        var recorder = new ChangeRecorder(watcher);
        watcher.Start();
        var watches = watcher.WatchCount;

        // The watch on the new folder exists before the files arrive, as when the watcher keeps up.
        Directory.CreateDirectory(workspace.Full("specs/new/deeper"));
        for (var i = 0; i < 300 && watcher.WatchCount < watches + 2; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Equal(watches + 2, watcher.WatchCount);
        RenameIn(workspace, "specs/new/requirements.md");
        RenameIn(workspace, "specs/new/deeper/notes.md");
        RenameIn(workspace, "specs/old/requirements.md");
        var seen = await recorder.UntilSentinelAsync(workspace);
        Assert.Contains(new WorkspaceChange("specs/new/requirements.md", WorkspaceChangeKind.Created), seen);
        Assert.Contains(new WorkspaceChange("specs/new/deeper/notes.md", WorkspaceChangeKind.Created), seen);
        // A rename onto a file of a folder that was already there stays a save.
        Assert.Contains(new WorkspaceChange("specs/old/requirements.md", WorkspaceChangeKind.Saved), seen);
        Assert.DoesNotContain(seen, c => c.Path.StartsWith("specs/new/", StringComparison.Ordinal) && c.Kind != WorkspaceChangeKind.Created);
    }

    /// <summary>Every file change the watcher reports, up to a sentinel file written last.</summary>
    private sealed class ChangeRecorder
    {
        private readonly List<WorkspaceChange> _changes = [];
        private readonly TaskCompletionSource _sentinel = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ChangeRecorder(WorkspaceWatcher watcher) => watcher.FilesChanged += batch =>
        {
            lock (_changes)
            {
                _changes.AddRange(batch);
            }
            if (batch.Any(c => c.Path == "sentinel.txt"))
            {
                _sentinel.TrySetResult();
            }
        };

        /// <summary>Writes the sentinel and waits for it: once it is reported, so is everything written before it.</summary>
        public async Task<List<WorkspaceChange>> UntilSentinelAsync(TempWorkspace workspace)
        {
            workspace.Write("sentinel.txt", "done\n");
            await _sentinel.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            lock (_changes)
            {
                return [.. _changes];
            }
        }
    }

    // The store's atomic write: a temp file beside the target, renamed onto it.
    private static void RenameIn(TempWorkspace workspace, string relative)
    {
        var full = workspace.Full(relative);
        var temp = Path.Join(Path.GetDirectoryName(full), $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{FileStore.TempSuffix}");
        File.WriteAllText(temp, "text\n");
        File.Move(temp, full, overwrite: true);
    }
}
