using Kiro.Mcp.Steering.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Tests.Service;

/// <summary>Hostile steering and hostile calls: refused or reported clearly, never paid for in memory.</summary>
public class SteeringLimitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_brace_bomb_in_a_steering_file_is_listed_as_a_finding_of_that_file_and_context_still_answers()
    {
        using var workspace = new TestWorkspace();
        workspace.WriteSteering("bomb", "---\ninclusion: fileMatch\nfileMatchPattern: \"src/" + string.Concat(Enumerable.Repeat("{a,b}", 15_000)) + ".ts\"\n---\n# Bomb\n");
        workspace.WriteSteering("ts", "---\ninclusion: fileMatch\nfileMatchPattern: \"src/**/*.ts\"\n---\n# TS\n");

        var list = await workspace.Service.ListAsync(Token);
        var context = await workspace.Service.ContextAsync(["src/aaaa.ts"], [], Token);

        var bomb = Assert.Single(list.Documents, d => d.Name == "bomb");
        Assert.Equal(".kiro/steering/bomb.md", bomb.Path);
        Assert.Equal("pattern_too_complex", Assert.Single(bomb.Findings).Code);
        Assert.Equal(["ts"], context.Documents.Select(d => d.Name));
    }

    [Fact]
    public async Task Writing_a_glob_over_the_limits_is_refused_with_the_reason()
    {
        using var workspace = new TestWorkspace();

        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Service.WriteAsync(
            "bomb", "# Bomb\n", "fileMatch", [string.Concat(Enumerable.Repeat("{a,b}", 9)) + ".ts"], null, null, Token));

        Assert.Equal("pattern_too_complex", error.Code);
        Assert.False(File.Exists(Path.Combine(workspace.Folder, ".kiro", "steering", "bomb.md")));
    }

    [Fact]
    public async Task A_context_call_with_more_paths_than_the_limit_is_refused()
    {
        using var workspace = new TestWorkspace();
        var paths = Enumerable.Range(0, SteeringService.MaxContextPaths + 1).Select(i => $"src/f{i}.ts").ToList();

        var error = await Assert.ThrowsAsync<KiroException>(() => workspace.Service.ContextAsync(paths, [], Token));

        Assert.Equal("too_many_paths", error.Code);
    }
}
