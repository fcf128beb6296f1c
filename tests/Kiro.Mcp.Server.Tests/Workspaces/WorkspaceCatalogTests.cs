using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Tests.Workspaces;

public sealed class WorkspaceCatalogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kiro-mcp-catalog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_folder_of_repositories_registers_those_with_git_or_kiro_named_after_their_folders()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "With Git", ".git"));
        File.WriteAllText(Path.Combine(_dir, "worktree.txt"), "");
        Directory.CreateDirectory(Path.Combine(_dir, "Worktree"));
        File.WriteAllText(Path.Combine(_dir, "Worktree", ".git"), "gitdir: elsewhere\n");
        Directory.CreateDirectory(Path.Combine(_dir, "kiro-only", ".kiro"));
        Directory.CreateDirectory(Path.Combine(_dir, "plain-folder"));

        var catalog = new WorkspaceCatalog([], [_dir]);

        Assert.Equal(["kiro-only", "with-git", "worktree"], catalog.Entries.Select(e => e.Name));
        Assert.Equal(Path.Combine(_dir, "With Git"), catalog.Resolve("with-git").Path);
        Assert.Null(catalog.Default);
    }

    [Fact]
    public void A_link_in_the_folder_is_not_followed()
    {
        var outside = Directory.CreateTempSubdirectory("kiro-mcp-outside-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(outside, ".git"));
            Directory.CreateSymbolicLink(Path.Combine(_dir, "linked"), outside);
            Directory.CreateDirectory(Path.Combine(_dir, "real", ".git"));

            var catalog = new WorkspaceCatalog([], [_dir]);

            Assert.Equal(["real"], catalog.Entries.Select(e => e.Name));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void A_repository_added_later_is_found_on_the_next_lookup_after_a_second()
    {
        var time = new ManualTime();
        Directory.CreateDirectory(Path.Combine(_dir, "first", ".kiro"));
        var catalog = new WorkspaceCatalog([], [_dir], time);
        var changes = 0;
        catalog.Changed += () => changes++;
        Directory.CreateDirectory(Path.Combine(_dir, "second", ".kiro"));

        Assert.Null(catalog.Find("second"));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(Path.Combine(_dir, "second"), catalog.Find("second")?.Path);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Given_workspaces_come_first_win_their_names_and_the_first_is_the_default()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "api", ".git"));
        var given = new WorkspaceEntry("api", "/somewhere/else");

        var catalog = new WorkspaceCatalog([given, new WorkspaceEntry("web", "/web")], [_dir]);

        Assert.Equal("api", catalog.Default);
        Assert.Equal("/somewhere/else", catalog.Resolve(null).Path);
        Assert.Equal(2, catalog.Entries.Count);
    }

    [Theory]
    [InlineData("nope", "No workspace is named 'nope'")]
    [InlineData("/etc", "is not a workspace name")]
    [InlineData("../api", "is not a workspace name")]
    [InlineData("API", "is not a workspace name")]
    public void An_unknown_name_or_a_path_is_refused_with_the_registered_names(string name, string expected)
    {
        var catalog = new WorkspaceCatalog([new WorkspaceEntry("api", "/api"), new WorkspaceEntry("web", "/web")]);

        var error = Assert.Throws<KiroException>(() => catalog.Resolve(name));

        Assert.Equal("unknown_workspace", error.Code);
        Assert.Contains(expected, error.Message);
        Assert.Contains("api, web", error.Message);
    }

    [Fact]
    public void Without_a_default_a_call_must_name_its_workspace()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "a", ".git"));
        Directory.CreateDirectory(Path.Combine(_dir, "b", ".git"));

        var error = Assert.Throws<KiroException>(() => new WorkspaceCatalog([], [_dir]).Resolve(null));

        Assert.Equal("workspace_required", error.Code);
        Assert.Contains("a, b", error.Message);
    }

    [Theory]
    [InlineData("My Project", "my-project")]
    [InlineData("Kiro.Mcp", "kiro.mcp")]
    [InlineData("..hidden", "hidden")]
    [InlineData("日本", "--")]
    public void A_folder_name_becomes_a_name_a_URI_keeps_as_it_is(string folder, string expected)
    {
        var name = WorkspaceName.FromFolder(folder);

        Assert.Equal(expected == "--" ? "workspace" : expected, name);
        Assert.True(WorkspaceName.IsValid(name));
        Assert.Equal(name, new Uri($"kiro://{name}/specs").Host);
    }
}
