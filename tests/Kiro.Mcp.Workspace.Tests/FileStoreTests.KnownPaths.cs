namespace Kiro.Mcp.Workspace.Tests;

/// <summary>
/// Reads and folder checks answered by a quiet path's unchanged stamp alone (<see cref="KnownPaths"/>): they never
/// answer with anything but what is there now, and never with anything the confined read would refuse.
/// </summary>
public partial class FileStoreTests
{
    // Longer than any file system clock's tick, so a write after it gives the file a new change time.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task An_unchanged_quiet_file_and_folder_are_answered_by_their_stamps_alone()
    {
        using var workspace = new TempWorkspace();
        var store = new FileStore(workspace.Root) { QuietMargin = TimeSpan.Zero };
        Directory.CreateDirectory(workspace.Full(".kiro/specs/a"));
        File.WriteAllText(workspace.Full(".kiro/specs/a/tasks.md"), "- [ ] 1. One\n");

        var first = await store.ReadAsync(".kiro/specs/a/tasks.md", Ct);
        Assert.True(store.DirectoryExists(".kiro/specs/a"));
        var answers = store.StampAnswers;
        var second = await store.ReadAsync(".kiro/specs/a/tasks.md", Ct);
        Assert.True(store.DirectoryExists(".kiro/specs/a"));

        Assert.Same(first, second);
        Assert.Equal(answers + 2, store.StampAnswers);
    }

    [Fact]
    public async Task A_quiet_file_edited_in_place_to_the_same_length_between_two_reads_is_read_again()
    {
        using var workspace = new TempWorkspace();
        var store = new FileStore(workspace.Root) { QuietMargin = TimeSpan.Zero };
        Directory.CreateDirectory(workspace.Full(".kiro/specs/a"));
        File.WriteAllText(workspace.Full(".kiro/specs/a/tasks.md"), "- [ ] 1. One\n");
        await store.ReadAsync(".kiro/specs/a/tasks.md", Ct);
        await store.ReadAsync(".kiro/specs/a/tasks.md", Ct);

        await Task.Delay(Tick, Ct);
        File.WriteAllText(workspace.Full(".kiro/specs/a/tasks.md"), "- [x] 1. One\n");
        var edited = await store.ReadAsync(".kiro/specs/a/tasks.md", Ct);

        Assert.Equal("- [x] 1. One\n", edited!.Text);
    }

    [Fact]
    public async Task A_missing_file_that_appears_and_a_folder_that_goes_are_seen()
    {
        using var workspace = new TempWorkspace();
        var store = new FileStore(workspace.Root) { QuietMargin = TimeSpan.Zero };
        Directory.CreateDirectory(workspace.Full(".kiro/specs/a"));
        Assert.Null(await store.ReadAsync(".kiro/specs/a/.runs.json", Ct));
        Assert.Null(await store.ReadAsync(".kiro/specs/a/.runs.json", Ct));
        Assert.True(store.DirectoryExists(".kiro/specs/a"));
        Assert.True(store.DirectoryExists(".kiro/specs/a"));

        File.WriteAllText(workspace.Full(".kiro/specs/a/.runs.json"), "{}\n");
        var appeared = await store.ReadAsync(".kiro/specs/a/.runs.json", Ct);
        Directory.Delete(workspace.Full(".kiro/specs/a"), recursive: true);

        Assert.Equal("{}\n", appeared!.Text);
        Assert.False(store.DirectoryExists(".kiro/specs/a"));
        Assert.Null(await store.ReadAsync(".kiro/specs/a/.runs.json", Ct));
    }

    [Fact]
    public async Task A_quiet_file_replaced_by_a_link_leading_outside_is_refused_rather_than_answered_from_memory()
    {
        using var workspace = new TempWorkspace();
        var store = new FileStore(workspace.Root) { QuietMargin = TimeSpan.Zero };
        File.WriteAllText(workspace.Full("notes.md"), "outside secret\n");
        await store.ReadAsync("notes.md", Ct);
        await store.ReadAsync("notes.md", Ct);

        File.Delete(workspace.Full("notes.md"));
        workspace.Link("notes.md", Path.Join(workspace.Outside, "secret.md"), directory: false);

        var error = await Assert.ThrowsAsync<KiroException>(() => store.ReadAsync("notes.md", Ct));
        Assert.Equal("path_outside_workspace", error.Code);
    }
}
