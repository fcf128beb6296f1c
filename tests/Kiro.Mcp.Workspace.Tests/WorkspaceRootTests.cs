namespace Kiro.Mcp.Workspace.Tests;

public class WorkspaceRootTests
{
    [Fact]
    public void A_missing_folder_is_refused_as_workspace_missing()
    {
        var missing = Path.Join(Path.GetTempPath(), "kiro-missing-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<KiroException>(() => new WorkspaceRoot(missing));

        Assert.Equal("workspace_missing", error.Code);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_workspace_reached_through_a_link_has_the_links_target_as_its_full_path()
    {
        using var workspace = new TempWorkspace();
        var alias = Path.Join(workspace.Container, "alias");
        try
        {
            Directory.CreateSymbolicLink(alias, workspace.Folder);
        }
        catch (Exception e) when (OperatingSystem.IsWindows() && e is IOException or UnauthorizedAccessException)
        {
            Assert.Skip("Creating symbolic links needs Developer Mode or administrator rights on Windows.");
        }

        var root = new WorkspaceRoot(alias + Path.DirectorySeparatorChar);

        Assert.Equal(workspace.Root.FullPath, root.FullPath);
        Assert.Equal(Path.Join(root.FullPath, ".kiro", "specs"), root.Resolve(".kiro/specs"));
    }

    [Theory]
    [InlineData(".kiro/specs/a/requirements.md", ".kiro/specs/a/requirements.md")]
    [InlineData("./x.md", "x.md")]
    [InlineData(@"a\b.md", "a/b.md")]
    [InlineData("a//b/./c.md", "a/b/c.md")]
    [InlineData("a/", "a")]
    [InlineData(".", ".")]
    public void Resolve_accepts_plain_relative_paths_with_either_separator(string relative, string expected)
    {
        using var workspace = new TempWorkspace();

        var full = workspace.Root.Resolve(relative);

        Assert.Equal(expected, workspace.Root.ToRelative(full));
        Assert.StartsWith(workspace.Root.FullPath, full);
    }

    [Fact]
    public void ToRelative_uses_forward_slashes()
    {
        using var workspace = new TempWorkspace();

        var relative = workspace.Root.ToRelative(Path.Join(workspace.Root.FullPath, ".kiro", "specs", "a", "tasks.md"));

        Assert.Equal(".kiro/specs/a/tasks.md", relative);
    }

    [Fact]
    public void ToRelative_refuses_a_path_outside_the_workspace()
    {
        using var workspace = new TempWorkspace();

        Assert.Throws<ArgumentException>(() => workspace.Root.ToRelative(Path.Join(workspace.Outside, "secret.md")));
    }

    [Fact]
    public void Resolve_explains_what_to_do_when_a_path_climbs_out()
    {
        using var workspace = new TempWorkspace();

        var error = Assert.Throws<KiroException>(() => workspace.Root.Resolve("../../etc/passwd"));

        Assert.Equal("path_outside_workspace", error.Code);
        Assert.Contains("'../../etc/passwd'", error.Message);
        Assert.Contains("relative to the workspace root", error.Message);
    }

    [Fact]
    public void Resolve_shows_control_characters_escaped_in_its_message()
    {
        using var workspace = new TempWorkspace();

        var error = Assert.Throws<KiroException>(() => workspace.Root.Resolve("a\nb"));

        Assert.Equal("path_invalid", error.Code);
        Assert.Contains(@"a\u000ab", error.Message);
    }

    [Fact]
    public void A_link_cycle_is_refused_instead_of_looping()
    {
        using var workspace = new TempWorkspace();
        workspace.Link("loop-a", workspace.Full("loop-b"), directory: true);
        workspace.Link("loop-b", workspace.Full("loop-a"), directory: true);

        var error = Assert.Throws<KiroException>(() => workspace.Root.Resolve("loop-a/x.md"));

        Assert.Equal("path_invalid", error.Code);
    }
}
