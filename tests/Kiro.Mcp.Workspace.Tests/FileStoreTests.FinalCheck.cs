namespace Kiro.Mcp.Workspace.Tests;

/// <summary>
/// An editor takes no lock: a save landing between a write's read and its rename is seen by the
/// final check against the disk, and never overwritten.
/// </summary>
public partial class FileStoreTests
{
    private const string Tasks = "- [ ] 1. one\n- [ ] 2. two\n";
    private const string EditorTasks = "- [ ] 1. one\n- [ ] 2. two\n- [ ] 3. added in the editor\n";

    [Fact]
    public async Task An_editor_save_between_read_and_rename_is_kept_and_the_update_applied_to_it()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("tasks.md", Tasks);
        var saves = EditorSaves(workspace, EditorTasks);
        var calls = 0;

        var written = await workspace.Store.UpdateAsync("tasks.md", current =>
        {
            calls++;
            return current!.Text.Replace("[ ] 1.", "[x] 1.", StringComparison.Ordinal);
        }, Ct);

        var expected = EditorTasks.Replace("[ ] 1.", "[x] 1.", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(workspace.Full("tasks.md")));
        Assert.Equal(expected, written.Text);
        Assert.Equal(2, calls);
        Assert.Equal(1, saves());
        Assert.Empty(workspace.LeftoverTempFiles());
    }

    [Fact]
    public async Task A_conditional_write_is_refused_when_an_editor_saves_before_the_rename()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("tasks.md", Tasks);
        var version = FileStore.ComputeVersion(Tasks);
        EditorSaves(workspace, EditorTasks);

        var refused = await Assert.ThrowsAsync<KiroException>(() => workspace.Store.WriteAsync("tasks.md", "# Mine\n", version, Ct));

        Assert.Equal("version_conflict", refused.Code);
        Assert.Equal(EditorTasks, File.ReadAllText(workspace.Full("tasks.md")));
        Assert.Empty(workspace.LeftoverTempFiles());
    }

    [Fact]
    public async Task A_create_only_write_is_refused_when_an_editor_creates_the_file_before_the_rename()
    {
        using var workspace = new TempWorkspace();
        EditorSaves(workspace, EditorTasks);

        var refused = await Assert.ThrowsAsync<KiroException>(() => workspace.Store.WriteAsync("tasks.md", "# Mine\n", FileStore.Absent, Ct));

        Assert.Equal("already_exists", refused.Code);
        Assert.Equal(EditorTasks, File.ReadAllText(workspace.Full("tasks.md")));
    }

    [Fact]
    public async Task An_unconditional_write_starts_over_when_an_editor_saves_before_the_rename()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("tasks.md", Tasks);
        var saves = EditorSaves(workspace, EditorTasks);

        await workspace.Store.WriteAsync("tasks.md", "# Mine\n", null, Ct);

        Assert.Equal("# Mine\n", File.ReadAllText(workspace.Full("tasks.md")));
        Assert.Equal(1, saves());
        Assert.Empty(workspace.LeftoverTempFiles());
    }

    [Fact]
    public async Task A_file_an_editor_keeps_rewriting_gives_busy_and_is_not_overwritten()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("tasks.md", Tasks);
        var saves = 0;
        workspace.Store.BeforeFinalCheck = () => File.WriteAllText(workspace.Full("tasks.md"), $"editor save {++saves}\n");

        var busy = await Assert.ThrowsAsync<KiroException>(() =>
            workspace.Store.UpdateAsync("tasks.md", current => current!.Text + "mine\n", Ct));

        Assert.Equal("busy", busy.Code);
        Assert.Equal(FileStore.MaxRounds, saves);
        Assert.Equal($"editor save {saves}\n", File.ReadAllText(workspace.Full("tasks.md")));
        Assert.Empty(workspace.LeftoverTempFiles());
    }

    /// <summary>Makes the editor save <paramref name="text"/> once, just before the store's final check; returns the save count.</summary>
    private static Func<int> EditorSaves(TempWorkspace workspace, string text)
    {
        var saves = 0;
        workspace.Store.BeforeFinalCheck = () =>
        {
            if (saves++ == 0)
            {
                File.WriteAllText(workspace.Full("tasks.md"), text);
            }
        };
        return () => saves == 0 ? 0 : 1;
    }
}
