using Kiro.Mcp.Steering.Service;

namespace Kiro.Mcp.Steering.Tests.Service;

public class TaskSteeringSourceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tasks_files_select_their_steering_most_specific_first()
    {
        using var workspace = new TestWorkspace();
        workspace.WriteSteering("product", "product\n");
        workspace.WriteSteering("ts", "---\ninclusion: fileMatch\nfileMatchPattern: \"src/**/*.ts\"\n---\nts rules\n");
        workspace.WriteSteering("api", "---\ninclusion: auto\ndescription: API conventions\n---\napi\n");
        var source = new TaskSteeringSource(workspace.Service, workspace.Root);

        var sections = await source.ForFilesAsync(["src/app.ts", "../not/a/workspace/path.ts", "WorkoutLog.Add"], Token);

        Assert.Equal(
            ["Steering: ts (fileMatch 'src/**/*.ts' matches src/app.ts)", "Steering: product (always)", "Steering available on request (steering_read or steering_context include)"],
            sections.Select(s => s.Title));
        Assert.Equal("ts rules\n", sections[0].Text);
        Assert.Equal("- api: API conventions", sections[2].Text);
    }

    [Fact]
    public async Task No_steering_gives_no_sections()
    {
        using var workspace = new TestWorkspace();
        Assert.Empty(await new TaskSteeringSource(workspace.Service, workspace.Root).ForFilesAsync(["src/app.ts"], Token));
    }
}
