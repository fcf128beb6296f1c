namespace Kiro.Mcp.Workspace.Tests;

public partial class FileStoreTests
{
    // A version no file has: should a refusal ever fail, a write to a real system file is still
    // refused by the version check rather than overwriting it (the tests may run as root).
    private const string NoSuchVersion = "0000000000000000";

    public static TheoryData<string, string> HostilePaths => new()
    {
        { "..", "path_outside_workspace" },
        { "../x", "path_outside_workspace" },
        { "../../etc/passwd", "path_outside_workspace" },
        { "a/../../b", "path_outside_workspace" },
        { "a/..", "path_outside_workspace" },
        { "a/../b.md", "path_outside_workspace" },
        { @"..\x", "path_outside_workspace" },
        { @"a\..\..\x", "path_outside_workspace" },
        { ".kiro/../../x", "path_outside_workspace" },
        { "./../x", "path_outside_workspace" },
        { ".../x", "path_outside_workspace" },
        { "/etc/passwd", "path_invalid" },
        { @"\etc\passwd", "path_invalid" },
        { @"C:\Windows\x", "path_invalid" },
        { "C:x", "path_invalid" },
        { "C:/x", "path_invalid" },
        { @"\\server\share\x", "path_invalid" },
        { "//server/share", "path_invalid" },
        { "x\0y", "path_invalid" },
        { "~/x", "path_invalid" },
        { "~", "path_invalid" },
        { "", "path_invalid" },
        { "   ", "path_invalid" },
        { "a\tb.md", "path_invalid" },
        { "a\nb.md", "path_invalid" },
        { "a\rb.md", "path_invalid" },
        { "a\u007fb.md", "path_invalid" },
        { "a/ /b.md", "path_invalid" },
        { "notes.md:stream", "path_invalid" },
    };

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public async Task A_hostile_path_is_refused_by_every_operation_and_changes_nothing(string path, string code)
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/specs/a/requirements.md", "# Requirements\n");
        var before = workspace.Snapshot();

        await AssertRefusedAsync(workspace, path, code);

        Assert.Equal(before, workspace.Snapshot());
        Assert.Empty(workspace.LeftoverTempFiles());
    }

    [Fact]
    public async Task Null_is_refused_as_an_invalid_path()
    {
        using var workspace = new TempWorkspace();

        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Store.ReadAsync(null!, Ct));

        Assert.Equal("path_invalid", error.Code);
    }

    [Fact]
    public async Task Writing_through_a_linked_folder_that_leads_outside_is_refused()
    {
        using var workspace = new TempWorkspace();
        workspace.Link("docs", workspace.Outside, directory: true);
        var before = workspace.Snapshot();

        await AssertRefusedAsync(workspace, "docs/new.md", "path_outside_workspace");
        await AssertRefusedAsync(workspace, "docs/secret.md", "path_outside_workspace");
        await AssertRefusedAsync(workspace, "docs", "path_outside_workspace");

        Assert.Equal(before, workspace.Snapshot());
        Assert.False(File.Exists(Path.Join(workspace.Outside, "new.md")));
    }

    [Fact]
    public async Task A_linked_file_that_leads_outside_can_be_neither_read_nor_written()
    {
        using var workspace = new TempWorkspace();
        workspace.Link("leak.md", Path.Join(workspace.Outside, "secret.md"), directory: false);
        var before = workspace.Snapshot();

        await AssertRefusedAsync(workspace, "leak.md", "path_outside_workspace");

        Assert.Equal(before, workspace.Snapshot());
        Assert.Equal("outside secret\n", File.ReadAllText(Path.Join(workspace.Outside, "secret.md")));
    }

    [Fact]
    public async Task A_dangling_link_to_a_file_outside_is_not_used_to_create_it()
    {
        using var workspace = new TempWorkspace();
        workspace.Link("plan.md", Path.Join(workspace.Outside, "created-by-link.md"), directory: false);
        var before = workspace.Snapshot();

        await AssertRefusedAsync(workspace, "plan.md", "path_outside_workspace");

        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task A_nested_link_that_leads_outside_is_refused()
    {
        using var workspace = new TempWorkspace();
        workspace.Link(".kiro/specs/b", workspace.Outside, directory: true);
        var before = workspace.Snapshot();

        await AssertRefusedAsync(workspace, ".kiro/specs/b/requirements.md", "path_outside_workspace");
        await AssertRefusedAsync(workspace, @".kiro\specs\b\secret.md", "path_outside_workspace");

        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task A_relative_link_that_climbs_out_is_refused()
    {
        using var workspace = new TempWorkspace();
        workspace.Link("up", Path.Join("..", "outside"), directory: true);
        var before = workspace.Snapshot();

        await AssertRefusedAsync(workspace, "up/secret.md", "path_outside_workspace");

        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task A_chain_of_links_that_ends_outside_is_refused()
    {
        using var workspace = new TempWorkspace();
        workspace.Link("first", workspace.Full("second"), directory: true);
        workspace.Link("second", workspace.Outside, directory: true);
        var before = workspace.Snapshot();

        await AssertRefusedAsync(workspace, "first/secret.md", "path_outside_workspace");

        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task A_link_whose_target_looks_inside_but_passes_through_an_outside_link_is_refused()
    {
        using var workspace = new TempWorkspace();
        Directory.CreateDirectory(Path.Join(workspace.Outside, "c"));
        workspace.Link("b", workspace.Outside, directory: true);
        workspace.Link("a", Path.Join(workspace.Folder, "b", "c"), directory: true);
        var before = workspace.Snapshot();

        await AssertRefusedAsync(workspace, "a/x.md", "path_outside_workspace");

        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task A_link_that_stays_inside_the_workspace_is_followed_and_stays_a_link()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("real/notes.md", "v1\n");
        workspace.Link("alias", workspace.Full("real"), directory: true);
        workspace.Link("notes-link.md", workspace.Full("real/notes.md"), directory: false);

        var read = await workspace.Store.ReadAsync("alias/notes.md", Ct);
        await workspace.Store.WriteAsync("notes-link.md", "v2\n", read!.Version, Ct);

        Assert.Equal("v2\n", File.ReadAllText(workspace.Full("real/notes.md")));
        Assert.NotNull(new FileInfo(workspace.Full("notes-link.md")).LinkTarget);
    }

    [Fact]
    public void Listing_folders_leaves_out_links_that_lead_outside()
    {
        using var workspace = new TempWorkspace();
        Directory.CreateDirectory(workspace.Full(".kiro/specs/zeta"));
        Directory.CreateDirectory(workspace.Full(".kiro/specs/alpha"));
        workspace.Write(".kiro/specs/file.md", "not a folder");
        workspace.Link(".kiro/specs/leak", workspace.Outside, directory: true);
        workspace.Link(".kiro/specs/beta", workspace.Full(".kiro/specs/alpha"), directory: true);

        var names = workspace.Store.ListDirectories(".kiro/specs");

        Assert.Equal(["alpha", "beta", "zeta"], names);
    }

    [Theory]
    [InlineData(".kiro/specs/a/requirements.md")]
    [InlineData("./x.md")]
    [InlineData(@"a\b.md")]
    [InlineData("a//b//c.md")]
    public async Task A_plain_relative_path_can_be_written_and_read(string path)
    {
        using var workspace = new TempWorkspace();

        var version = await workspace.Store.WriteAsync(path, "hello\n", FileStore.Absent, Ct);
        var read = await workspace.Store.ReadAsync(path, Ct);

        Assert.Equal(new VersionedText("hello\n", version), read);
        Assert.True(File.Exists(workspace.Root.Resolve(path)));
        Assert.True(workspace.Store.FileExists(path));
    }

    [Fact]
    public async Task A_backslash_separates_folders_like_a_slash()
    {
        using var workspace = new TempWorkspace();

        await workspace.Store.WriteAsync(@"a\b.md", "x", null, Ct);

        Assert.Equal("x", File.ReadAllText(Path.Join(workspace.Folder, "a", "b.md")));
    }

    private static async Task AssertRefusedAsync(TempWorkspace workspace, string path, string code)
    {
        var store = workspace.Store;
        await AssertCodeAsync(code, () => store.ReadAsync(path, Ct));
        await AssertCodeAsync(code, () => store.WriteAsync(path, "pwned\n", NoSuchVersion, Ct));
        await AssertCodeAsync(code, () => store.WriteAsync(path, "pwned\n", FileStore.Absent, Ct));
        await AssertCodeAsync(code, () => store.UpdateAsync(path, _ => "pwned\n", Ct));
        if (!Path.IsPathRooted(path))
        {
            await AssertCodeAsync(code, () => store.WriteAsync(path, "pwned\n", null, Ct));
        }
        AssertCode(code, () => store.FileExists(path));
        AssertCode(code, () => store.DirectoryExists(path));
        AssertCode(code, () => store.ListDirectories(path));
        if (!Path.IsPathRooted(path))
        {
            AssertCode(code, () => store.CreateDirectory(path));
        }
    }

    private static async Task AssertCodeAsync(string code, Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<KiroException>(action);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static void AssertCode(string code, Action action)
    {
        var error = Assert.Throws<KiroException>(action);
        Assert.Equal(code, error.Code);
    }
}
