namespace Kiro.Mcp.Workspace.Tests;

public partial class FileStoreTests
{
    [Fact]
    public async Task A_kiro_folder_that_is_a_link_is_refused_even_when_it_points_inside_the_workspace()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("kiro-real/specs/a/requirements.md", "inside\n");
        workspace.Link(".kiro", workspace.Full("kiro-real"), directory: true);
        var before = workspace.Snapshot();

        await AssertRefusedAsync(workspace, ".kiro/specs/a/requirements.md", "kiro_folder_linked");
        await AssertRefusedAsync(workspace, ".kiro/specs/b/new.md", "kiro_folder_linked");
        await AssertRefusedAsync(workspace, "./.kiro/specs", "kiro_folder_linked");

        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public void The_workspace_reports_a_linked_kiro_folder_as_its_problem_and_a_real_one_as_none()
    {
        using var linked = new TempWorkspace();
        linked.Link(".kiro", linked.Outside, directory: true);
        using var real = new TempWorkspace();
        real.Write(".kiro/specs/a/requirements.md", "x\n");

        Assert.Contains(".kiro folder is a symbolic link", linked.Root.Problem());
        Assert.Contains(linked.Outside, linked.Root.Problem());
        Assert.Null(real.Root.Problem());
    }

    [Fact]
    public async Task OpenRead_reads_through_a_link_inside_and_refuses_one_that_leads_outside()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("real/notes.md", "inside\n");
        workspace.Link("alias", workspace.Full("real"), directory: true);
        workspace.Link("leak", workspace.Outside, directory: true);

        await using (var inside = workspace.Root.OpenRead("alias/notes.md"))
        {
            Assert.Equal("inside\n", await new StreamReader(inside!).ReadToEndAsync(Ct));
        }
        Assert.Null(workspace.Root.OpenRead("alias/missing.md"));
        Assert.Equal("path_outside_workspace", Assert.Throws<KiroException>(() => workspace.Root.OpenRead("leak/secret.md")).Code);
        Assert.Equal("path_invalid", Assert.Throws<KiroException>(() => workspace.Root.OpenRead("real")).Code);
    }
}
