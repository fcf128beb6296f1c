using System.Diagnostics;

namespace Kiro.Mcp.Workspace.Tests;

/// <summary>One writer at a time per file, across stores and processes; "busy" when the wait is too long.</summary>
public class WriteLockTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lock_held_by_another_process_makes_a_write_fail_with_busy_until_that_process_dies()
    {
        // flock(1) holds an OS lock on the lock file exactly as another server would: this proves the
        // lock .NET takes for FileShare.None is a real flock that another process respects.
        var flock = new[] { "/usr/bin/flock", "/bin/flock" }.FirstOrDefault(File.Exists);
        if (OperatingSystem.IsWindows() || flock is null)
        {
            Assert.Skip("Needs the flock(1) utility (util-linux) to hold a lock from another process.");
        }
        using var workspace = new TempWorkspace();
        workspace.Write("tasks.md", "before\n");
        var (_, writeLock) = WriteLock.LockFiles(workspace.Root, "tasks.md");
        Directory.CreateDirectory(Path.GetDirectoryName(writeLock)!);
        using var holder = Process.Start(new ProcessStartInfo(flock, ["--exclusive", writeLock, "-c", "echo locked; exec sleep 60"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        try
        {
            Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync(Ct));
            var store = new FileStore(workspace.Root) { LockTimeout = Short };

            var busy = await Assert.ThrowsAsync<KiroException>(() => store.WriteAsync("tasks.md", "mine\n", null, Ct));

            Assert.Equal("busy", busy.Code);
            Assert.Contains("'tasks.md'", busy.Message);
            Assert.Contains(".kiro/.runtime/locks/", busy.Message);
            Assert.Contains("retry", busy.Message);
            Assert.Equal("before\n", File.ReadAllText(workspace.Full("tasks.md")));

            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync(Ct);
            // The OS dropped the dead holder's lock: the file left behind locks nothing.
            await new FileStore(workspace.Root).WriteAsync("tasks.md", "mine\n", null, Ct);
            Assert.Equal("mine\n", File.ReadAllText(workspace.Full("tasks.md")));
            Assert.True(File.Exists(writeLock));
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Two_stores_of_one_process_take_turns_and_a_writer_that_waits_too_long_gets_busy()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("tasks.md", "- [ ] 1. one\n");
        var first = new FileStore(workspace.Root);
        var second = new FileStore(workspace.Root) { LockTimeout = Short };
        using var entered = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);

        var holding = Task.Run(() => first.UpdateAsync("tasks.md", current =>
        {
            entered.Release();
            release.Wait(Ct);
            return current!.Text.Replace("[ ] 1.", "[x] 1.", StringComparison.Ordinal);
        }, Ct), Ct);
        await entered.WaitAsync(Ct);
        var waiting = second.WriteAsync("tasks.md", "second\n", null, Ct);
        // A writer that waited forever would get its turn once the first lets go; far later than its timeout.
        await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(30), Ct));
        release.Release();
        await holding;
        var busy = await Assert.ThrowsAsync<KiroException>(() => waiting);

        Assert.Equal("busy", busy.Code);
        Assert.Equal("- [x] 1. one\n", File.ReadAllText(workspace.Full("tasks.md")));
        await second.UpdateAsync("tasks.md", current => current!.Text + "- [ ] 2. two\n", Ct);
        Assert.Equal("- [x] 1. one\n- [ ] 2. two\n", File.ReadAllText(workspace.Full("tasks.md")));
    }

    [Fact]
    public async Task Lock_files_live_in_the_git_ignored_runtime_folder_and_are_kept()
    {
        using var workspace = new TempWorkspace();

        await workspace.Store.WriteAsync("docs/a.md", "a\n", null, Ct);
        await workspace.Store.WriteAsync("docs/b.md", "b\n", null, Ct);

        Assert.Equal("*\n", File.ReadAllText(workspace.Full(".kiro/.runtime/.gitignore")));
        var locks = Directory.GetFiles(workspace.Full(WriteLock.Folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, locks.Count);
        Assert.All(locks, name => Assert.Matches("^[0-9a-f]{32}\\.(queue|write)\\.lock$", name));
    }

    [Fact]
    public async Task A_link_planted_where_the_lock_files_go_cannot_lead_them_outside()
    {
        using var workspace = new TempWorkspace();
        workspace.Link(".kiro/.runtime/locks", workspace.Outside, directory: true);
        var before = workspace.Snapshot();

        var refused = await Assert.ThrowsAsync<KiroException>(() => workspace.Store.WriteAsync("a.md", "a\n", null, Ct));

        Assert.Equal("path_outside_workspace", refused.Code);
        Assert.Equal(Outside(before), Outside(workspace.Snapshot()));
        Assert.False(File.Exists(workspace.Full("a.md")));
    }

    private static List<string> Outside(IEnumerable<string> snapshot) =>
        snapshot.Where(entry => entry.StartsWith("outside", StringComparison.Ordinal)).ToList();
}
