using System.Text;

namespace Kiro.Mcp.Workspace.Tests;

/// <summary>The store's memory of the texts it read and wrote never hides what is on disk.</summary>
public partial class FileStoreTests
{
    [Fact]
    public async Task An_edit_of_the_same_length_right_after_a_read_is_seen()
    {
        using var workspace = new TempWorkspace();
        File.WriteAllText(workspace.Full("tasks.md"), "- [ ] 1. One\n");

        var first = await workspace.Store.ReadAsync("tasks.md", Ct);
        // Same file, same length, most likely the same tick of the file system clock: only the bytes tell.
        File.WriteAllText(workspace.Full("tasks.md"), "- [x] 1. One\n");
        var second = await workspace.Store.ReadAsync("tasks.md", Ct);

        Assert.Equal("- [ ] 1. One\n", first!.Text);
        Assert.Equal("- [x] 1. One\n", second!.Text);
    }

    [Fact]
    public async Task An_unchanged_quiet_file_is_answered_from_memory_without_reading_it()
    {
        using var workspace = new TempWorkspace();
        var store = new FileStore(workspace.Root) { QuietMargin = TimeSpan.Zero };
        File.WriteAllText(workspace.Full("tasks.md"), "- [ ] 1. One\n");

        var first = await store.ReadAsync("tasks.md", Ct);
        var reads = store.ContentReads;
        var second = await store.ReadAsync("tasks.md", Ct);

        Assert.Same(first, second);
        Assert.Equal(reads, store.ContentReads);
    }

    [Fact]
    public async Task A_quiet_file_edited_in_place_or_replaced_is_read_again()
    {
        using var workspace = new TempWorkspace();
        var store = new FileStore(workspace.Root) { QuietMargin = TimeSpan.Zero };
        File.WriteAllText(workspace.Full("tasks.md"), "- [ ] 1. One\n");
        await store.ReadAsync("tasks.md", Ct);

        File.WriteAllText(workspace.Full("tasks.md"), "- [ ] 1. One, longer\n");
        var edited = await store.ReadAsync("tasks.md", Ct);
        // As editors save: a new file renamed over the old one, here of the same length.
        File.WriteAllText(workspace.Full("new.tmp"), "- [x] 1. One, longer\n");
        File.Move(workspace.Full("new.tmp"), workspace.Full("tasks.md"), overwrite: true);
        var replaced = await store.ReadAsync("tasks.md", Ct);
        File.Delete(workspace.Full("tasks.md"));
        var deleted = await store.ReadAsync("tasks.md", Ct);

        Assert.Equal("- [ ] 1. One, longer\n", edited!.Text);
        Assert.Equal("- [x] 1. One, longer\n", replaced!.Text);
        Assert.Null(deleted);
    }

    [Fact]
    public async Task A_read_after_a_write_returns_the_written_text_without_decoding_the_file()
    {
        using var workspace = new TempWorkspace();
        var text = new string('x', 100_000) + "\n";

        var version = await workspace.Store.WriteAsync("big.md", text, null, Ct);
        var updated = await workspace.Store.UpdateAsync("big.md", current => current!.Text + "more\n", Ct);
        var read = await workspace.Store.ReadAsync("big.md", Ct);

        Assert.Same(updated, read);
        Assert.NotEqual(version, read!.Version);
        Assert.Equal(0, workspace.Store.Decodes);
    }

    [Fact]
    public async Task Invalid_utf8_keeps_the_version_of_the_text_as_it_would_be_written()
    {
        using var workspace = new TempWorkspace();
        File.WriteAllBytes(workspace.Full("odd.md"), [.. Encoding.UTF8.GetBytes("caf"), 0xE9, (byte)'\n']);

        var first = await workspace.Store.ReadAsync("odd.md", Ct);
        var second = await workspace.Store.ReadAsync("odd.md", Ct);

        Assert.Equal(FileStore.ComputeVersion(first!.Text), first.Version);
        Assert.Equal(first.Version, second!.Version);
    }
}
