using Microsoft.Win32.SafeHandles;

namespace Kiro.Mcp.Workspace.Tests;

/// <summary>
/// A change confined to one disk sector (a checkbox) is written into the file itself, not by a rewrite of the whole
/// file; the guarantees stay: an editor's save, in place or by rename, is never overwritten.
/// </summary>
public partial class FileStoreTests
{
    private static readonly string LongTasks = string.Concat(Enumerable.Range(1, 200).Select(i => $"- [ ] {i}. task number {i}\n"));

    [Fact]
    public async Task A_one_character_change_is_written_into_the_file_itself()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("tasks.md", LongTasks);
        using var before = File.OpenHandle(workspace.Full("tasks.md"));

        await workspace.Store.UpdateAsync("tasks.md", current => Check(current!.Text, "100"), Ct);

        // The handle opened before sees the change only if the same file was written, not a new one renamed over it.
        Assert.Equal(Check(LongTasks, "100"), ReadThrough(before));
        Assert.Equal(Check(LongTasks, "100"), File.ReadAllText(workspace.Full("tasks.md")));
    }

    [Fact]
    public async Task Changes_in_two_sectors_replace_the_file_whole()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("tasks.md", LongTasks);
        using var before = File.OpenHandle(workspace.Full("tasks.md"));

        await workspace.Store.UpdateAsync("tasks.md", current => Check(Check(current!.Text, "1"), "150"), Ct);

        Assert.Equal(LongTasks, ReadThrough(before));
        Assert.Equal(Check(Check(LongTasks, "1"), "150"), File.ReadAllText(workspace.Full("tasks.md")));
    }

    [Fact]
    public async Task An_editor_save_by_rename_just_before_an_in_place_write_is_kept_and_the_change_applied_to_it()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("tasks.md", LongTasks);
        var edited = LongTasks + "- [ ] 201. added in the editor\n";
        var saves = 0;
        workspace.Store.BeforeFinalCheck = () =>
        {
            if (saves++ == 0)
            {
                // Editors save by writing a new file and renaming it over the old one.
                File.WriteAllText(workspace.Full("tasks.md.swp"), edited);
                File.Move(workspace.Full("tasks.md.swp"), workspace.Full("tasks.md"), overwrite: true);
            }
        };

        var written = await workspace.Store.UpdateAsync("tasks.md", current => Check(current!.Text, "100"), Ct);

        Assert.Equal(Check(edited, "100"), File.ReadAllText(workspace.Full("tasks.md")));
        Assert.Equal(Check(edited, "100"), written.Text);
    }

    [Fact]
    public async Task A_conditional_in_place_write_is_refused_when_an_editor_saved_in_place_meanwhile()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("tasks.md", LongTasks);
        var version = FileStore.ComputeVersion(LongTasks);
        var edited = Check(LongTasks, "7");
        var saves = 0;
        workspace.Store.BeforeFinalCheck = () =>
        {
            if (saves++ == 0)
            {
                File.WriteAllText(workspace.Full("tasks.md"), edited);
            }
        };

        var refused = await Assert.ThrowsAsync<KiroException>(() => workspace.Store.WriteAsync("tasks.md", Check(LongTasks, "100"), version, Ct));

        Assert.Equal("version_conflict", refused.Code);
        Assert.Equal(edited, File.ReadAllText(workspace.Full("tasks.md")));
    }

    private static string Check(string text, string id) => text.Replace($"- [ ] {id}. ", $"- [x] {id}. ", StringComparison.Ordinal);

    private static string ReadThrough(SafeFileHandle handle)
    {
        var bytes = new byte[RandomAccess.GetLength(handle)];
        RandomAccess.Read(handle, bytes, 0);
        return System.Text.Encoding.UTF8.GetString(bytes);
    }
}
