using Kiro.Mcp.Server.Hosting;

namespace Kiro.Mcp.Server.Tests.Workspaces;

public class WorkspaceOptionTests
{
    [Fact]
    public void Each_workspace_is_a_path_named_after_its_folder_or_NAME_equals_PATH()
    {
        var (entries, problem) = CommandLine.ParseWorkspaces(["/repos/Web App", "api=/repos/backend"], fallback: null);

        Assert.Null(problem);
        Assert.Equal([("web-app", Path.GetFullPath("/repos/Web App")), ("api", Path.GetFullPath("/repos/backend"))], entries.Select(e => (e.Name, e.Path)));
    }

    [Fact]
    public void Without_any_the_current_folder_is_the_workspace()
    {
        var (entries, _) = CommandLine.ParseWorkspaces([], fallback: "/home/me/project");

        Assert.Equal("project", Assert.Single(entries).Name);
    }

    [Fact]
    public void Two_workspaces_with_one_name_are_refused()
    {
        var (_, problem) = CommandLine.ParseWorkspaces(["/a/web", "/b/web"], fallback: null);

        Assert.NotNull(problem);
        Assert.Contains("Two workspaces are named 'web'", problem);
    }

    [Fact]
    public void A_bad_name_before_the_equals_sign_is_refused()
    {
        var (_, problem) = CommandLine.ParseWorkspaces(["My App=/repos/app"], fallback: null);

        Assert.NotNull(problem);
        Assert.Contains("is not a workspace name", problem);
    }
}
