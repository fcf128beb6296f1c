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
        var changes = new List<WorkspaceChange>();
        var sentinel = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.FilesChanged += batch =>
        {
            lock (changes)
            {
                changes.AddRange(batch);
            }
            if (batch.Any(c => c.Path == "sentinel.txt"))
            {
                sentinel.TrySetResult();
            }
        };
        watcher.Start();

        workspace.Write("src/new.txt", "new\n");
        File.AppendAllText(workspace.Full("src/new.txt"), "more\n");
        File.WriteAllText(workspace.Full("src/existing.txt"), "v1\n");
        File.Delete(workspace.Full("src/doomed.txt"));
        workspace.Write("src/scratch.tmp", "gone soon\n");
        File.Delete(workspace.Full("src/scratch.tmp"));
        workspace.Write("node_modules/pkg/index.js", "ignored\n");
        workspace.Write("bin/Debug/app.dll", "ignored\n");
        // The sentinel comes last: once it is reported, so is everything before it.
        workspace.Write("sentinel.txt", "done\n");
        await sentinel.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        List<WorkspaceChange> seen;
        lock (changes)
        {
            seen = [.. changes];
        }
        Assert.Contains(new WorkspaceChange("src/new.txt", WorkspaceChangeKind.Created), seen);
        Assert.DoesNotContain(seen, c => c.Path == "src/new.txt" && c.Kind != WorkspaceChangeKind.Created);
        Assert.Contains(new WorkspaceChange("src/existing.txt", WorkspaceChangeKind.Saved), seen);
        Assert.Contains(new WorkspaceChange("src/doomed.txt", WorkspaceChangeKind.Deleted), seen);
        Assert.DoesNotContain(seen, c => c.Path == "src/scratch.tmp");
        Assert.DoesNotContain(seen, c => c.Path.StartsWith("node_modules/", StringComparison.Ordinal) || c.Path.StartsWith("bin/", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, c => c.Path == "src");
    }
}
