using System.Text;

namespace Kiro.Mcp.Workspace.Tests;

public partial class FileStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_version_is_sixteen_lowercase_hex_digits_and_deterministic()
    {
        var version = FileStore.ComputeVersion("# Requirements\n");

        Assert.Matches("^[0-9a-f]{16}$", version);
        Assert.Equal(version, FileStore.ComputeVersion("# Requirements\n"));
        Assert.NotEqual(version, FileStore.ComputeVersion("# Requirements\r\n"));
    }

    [Fact]
    public async Task Reading_a_missing_file_a_folder_or_a_file_in_a_missing_folder_gives_null()
    {
        using var workspace = new TempWorkspace();
        Directory.CreateDirectory(workspace.Full(".kiro/specs"));

        Assert.Null(await workspace.Store.ReadAsync("missing.md", Ct));
        Assert.Null(await workspace.Store.ReadAsync(".kiro/specs", Ct));
        Assert.Null(await workspace.Store.ReadAsync("no/such/folder/file.md", Ct));
    }

    [Fact]
    public async Task A_file_with_a_bom_crlf_tabs_and_no_final_newline_round_trips_byte_for_byte()
    {
        using var workspace = new TempWorkspace();
        byte[] original = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# Tasks\r\n\r\n- [ ] 1. Caf\u00e9 \u2713\r\n\t- indented\t \r\n\r\n\r\nlast line")];
        File.WriteAllBytes(workspace.Full("tasks.md"), original);

        var read = await workspace.Store.ReadAsync("tasks.md", Ct);
        await workspace.Store.WriteAsync("copy.md", read!.Text, FileStore.Absent, Ct);
        await workspace.Store.WriteAsync("tasks.md", read.Text, read.Version, Ct);

        Assert.Equal('\uFEFF', read.Text[0]);
        Assert.Contains("\r\n\t- indented\t \r\n", read.Text);
        Assert.Equal(original, File.ReadAllBytes(workspace.Full("copy.md")));
        Assert.Equal(original, File.ReadAllBytes(workspace.Full("tasks.md")));
    }

    [Fact]
    public async Task The_version_is_stable_across_reads_and_changes_when_one_byte_changes()
    {
        using var workspace = new TempWorkspace();
        File.WriteAllBytes(workspace.Full("a.md"), Encoding.UTF8.GetBytes("- [ ] task\r\n"));

        var first = await workspace.Store.ReadAsync("a.md", Ct);
        var second = await workspace.Store.ReadAsync("a.md", Ct);
        File.WriteAllBytes(workspace.Full("a.md"), Encoding.UTF8.GetBytes("- [x] task\r\n"));
        var third = await workspace.Store.ReadAsync("a.md", Ct);

        Assert.Equal(first!.Version, second!.Version);
        Assert.Equal(FileStore.ComputeVersion(first.Text), first.Version);
        Assert.NotEqual(first.Version, third!.Version);
    }

    [Fact]
    public async Task Write_returns_the_version_a_later_read_reports()
    {
        using var workspace = new TempWorkspace();

        var version = await workspace.Store.WriteAsync("a.md", "text\n", null, Ct);

        Assert.Equal(version, (await workspace.Store.ReadAsync("a.md", Ct))!.Version);
    }

    [Fact]
    public async Task Write_with_the_current_version_succeeds()
    {
        using var workspace = new TempWorkspace();
        var v1 = await workspace.Store.WriteAsync("a.md", "one\n", FileStore.Absent, Ct);

        var v2 = await workspace.Store.WriteAsync("a.md", "two\n", v1, Ct);

        Assert.NotEqual(v1, v2);
        Assert.Equal("two\n", File.ReadAllText(workspace.Full("a.md")));
    }

    [Fact]
    public async Task Write_with_a_stale_version_is_refused_and_changes_nothing()
    {
        using var workspace = new TempWorkspace();
        var stale = await workspace.Store.WriteAsync("a.md", "one\n", null, Ct);
        File.WriteAllText(workspace.Full("a.md"), "changed by an editor\n");
        var before = workspace.Snapshot();

        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Store.WriteAsync("a.md", "mine\n", stale, Ct));

        Assert.Equal("version_conflict", error.Code);
        Assert.Contains(stale, error.Message);
        Assert.Contains(FileStore.ComputeVersion("changed by an editor\n"), error.Message);
        Assert.Contains("Read it again", error.Message);
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task Write_with_absent_on_an_existing_file_is_refused_and_changes_nothing()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("a.md", "existing\n");
        var before = workspace.ContentSnapshot();

        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Store.WriteAsync("a.md", "new\n", FileStore.Absent, Ct));

        Assert.Equal("already_exists", error.Code);
        Assert.Equal(before, workspace.ContentSnapshot());
    }

    [Fact]
    public async Task Write_with_a_version_of_a_file_deleted_since_is_refused_and_creates_nothing()
    {
        using var workspace = new TempWorkspace();
        var version = await workspace.Store.WriteAsync("a.md", "one\n", null, Ct);
        File.Delete(workspace.Full("a.md"));
        var before = workspace.Snapshot();

        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Store.WriteAsync("a.md", "two\n", version, Ct));

        Assert.Equal("version_conflict", error.Code);
        Assert.Contains("deleted", error.Message);
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task Write_without_a_version_overwrites_and_creates_missing_folders()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("a.md", "old\n");

        await workspace.Store.WriteAsync("a.md", "new\n", null, Ct);
        await workspace.Store.WriteAsync(".kiro/specs/feature/design.md", "# Design\n", null, Ct);

        Assert.Equal("new\n", File.ReadAllText(workspace.Full("a.md")));
        Assert.Equal("# Design\n", File.ReadAllText(workspace.Full(".kiro/specs/feature/design.md")));
    }

    [Fact]
    public async Task Writing_to_a_folder_is_refused_and_changes_nothing()
    {
        using var workspace = new TempWorkspace();
        Directory.CreateDirectory(workspace.Full(".kiro/specs/a"));
        var before = workspace.Snapshot();

        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Store.WriteAsync(".kiro/specs/a", "x", null, Ct));

        Assert.Equal("path_invalid", error.Code);
        Assert.Contains("folder", error.Message);
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task Writing_the_text_a_file_already_has_leaves_the_file_untouched()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("a.md", "same\n");
        var stamp = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(workspace.Full("a.md"), stamp);

        var version = await workspace.Store.WriteAsync("a.md", "same\n", FileStore.ComputeVersion("same\n"), Ct);

        Assert.Equal(FileStore.ComputeVersion("same\n"), version);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(workspace.Full("a.md")));
    }

    [Fact]
    public async Task A_replaced_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes do not exist on Windows.");
            return;
        }
        using var workspace = new TempWorkspace();
        workspace.Write("run.sh", "echo one\n");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead;
        File.SetUnixFileMode(workspace.Full("run.sh"), mode);

        await workspace.Store.WriteAsync("run.sh", "echo two\n", null, Ct);

        Assert.Equal(mode, File.GetUnixFileMode(workspace.Full("run.sh")));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public async Task Concurrent_writers_with_the_same_version_have_exactly_one_winner(int writers)
    {
        using var workspace = new TempWorkspace();
        var version = await workspace.Store.WriteAsync("tasks.md", "start\n", null, Ct);
        // A second store on the same workspace (as when a server opens it twice) shares the locks.
        var stores = new[] { workspace.Store, new FileStore(new WorkspaceRoot(workspace.Folder)) };
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await go.Task;
            try
            {
                await stores[i % 2].WriteAsync("tasks.md", $"writer {i}\n", version, Ct);
                return (Writer: i, Code: (string?)null);
            }
            catch (KiroException e)
            {
                return (Writer: i, Code: e.Code);
            }
        }, Ct)).ToList();
        go.SetResult();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r.Code is null);
        Assert.All(results.Where(r => r.Code is not null), r => Assert.Equal("version_conflict", r.Code));
        Assert.Equal($"writer {winner.Writer}\n", File.ReadAllText(workspace.Full("tasks.md")));
        Assert.Empty(workspace.LeftoverTempFiles());
    }

    [Fact]
    public async Task Fifty_concurrent_updates_each_appending_a_line_lose_none()
    {
        using var workspace = new TempWorkspace();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var updates = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await go.Task;
            await workspace.Store.UpdateAsync(".kiro/state.json", current => (current?.Text ?? "") + $"line {i}\n", Ct);
        }, Ct)).ToList();
        go.SetResult();
        await Task.WhenAll(updates);

        var lines = File.ReadAllLines(workspace.Full(".kiro/state.json"));
        Assert.Equal(50, lines.Length);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"line {i}").Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Update_returns_the_written_text_and_its_version()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("state.json", "{}");

        var written = await workspace.Store.UpdateAsync("state.json", current => current!.Text + "\n", Ct);

        Assert.Equal(new VersionedText("{}\n", FileStore.ComputeVersion("{}\n")), written);
        Assert.Equal("{}\n", File.ReadAllText(workspace.Full("state.json")));
    }

    [Fact]
    public async Task An_update_that_throws_writes_nothing()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("state.json", "{}");
        var before = workspace.ContentSnapshot();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => workspace.Store.UpdateAsync("state.json", _ => throw new InvalidOperationException("bad state"), Ct));

        Assert.Equal(before, workspace.ContentSnapshot());
        Assert.Empty(workspace.LeftoverTempFiles());
    }

    [Fact]
    public async Task A_cancelled_write_changes_nothing()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("a.md", "old\n");
        var before = workspace.Snapshot();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => workspace.Store.WriteAsync("a.md", "new\n", null, cancelled.Token));

        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task A_write_that_fails_because_a_parent_is_a_file_leaves_no_temp_file()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("a.md", "I am a file\n");
        var before = workspace.ContentSnapshot();

        await Assert.ThrowsAnyAsync<IOException>(() => workspace.Store.WriteAsync("a.md/b.md", "x", null, Ct));

        Assert.Equal(before, workspace.ContentSnapshot());
        Assert.Empty(workspace.LeftoverTempFiles());
    }

    [Fact]
    public async Task Refused_writes_leave_no_temp_files()
    {
        using var workspace = new TempWorkspace();
        var version = await workspace.Store.WriteAsync("a.md", "one\n", null, Ct);
        await workspace.Store.WriteAsync("a.md", "two\n", version, Ct);

        await Assert.ThrowsAsync<KiroException>(() => workspace.Store.WriteAsync("a.md", "three\n", version, Ct));
        await Assert.ThrowsAsync<KiroException>(() => workspace.Store.WriteAsync("a.md", "three\n", FileStore.Absent, Ct));

        Assert.Empty(workspace.LeftoverTempFiles());
        Assert.Equal("two\n", File.ReadAllText(workspace.Full("a.md")));
    }

    [Fact]
    public void Folders_can_be_created_checked_and_listed_in_ordinal_order()
    {
        using var workspace = new TempWorkspace();

        workspace.Store.CreateDirectory(".kiro/specs/b-feature");
        workspace.Store.CreateDirectory(".kiro/specs/B-feature");
        workspace.Store.CreateDirectory(".kiro/specs/a-feature");

        Assert.True(workspace.Store.DirectoryExists(".kiro/specs/a-feature"));
        Assert.False(workspace.Store.FileExists(".kiro/specs/a-feature"));
        Assert.Empty(workspace.Store.ListDirectories(".kiro/missing"));
        var expected = OperatingSystem.IsLinux() ? new[] { "B-feature", "a-feature", "b-feature" } : ["a-feature", "b-feature"];
        Assert.Equal(expected, workspace.Store.ListDirectories(".kiro/specs"));
    }
}
