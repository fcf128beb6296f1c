using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>A server killed mid-write leaves a temp file; the next start removes it, unless it may be another server's write in progress.</summary>
public class LeftoverCleanupTests
{
    [Fact]
    public async Task Temp_files_older_than_a_minute_are_removed_at_start_and_younger_ones_kept()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/specs/a/tasks.md", WorkoutSpec.Tasks);
        var old = Leftover(workspace, ".kiro/specs/a/.tasks.md.0123456789abcdef0123456789abcdef.kiro-tmp", TimeSpan.FromMinutes(3));
        var runtime = Leftover(workspace, ".kiro/.runtime/.hook-history.json.fedcba9876543210fedcba9876543210.kiro-tmp", TimeSpan.FromDays(2));
        var young = Leftover(workspace, ".kiro/specs/a/.tasks.md.00000000000000000000000000000000.kiro-tmp", TimeSpan.FromSeconds(10));

        await using var server = await ServerConnection.StartStdioAsync(workspace.Root);
        await server.CallOkAsync("spec_list", new { });

        Assert.False(File.Exists(old), old);
        Assert.False(File.Exists(runtime), runtime);
        Assert.True(File.Exists(young), young);
        Assert.Equal(WorkoutSpec.Tasks, workspace.Read(".kiro/specs/a/tasks.md"));
    }

    private static string Leftover(TempWorkspace workspace, string relative, TimeSpan age)
    {
        workspace.Write(relative, "half a file");
        var full = workspace.PathOf(relative);
        File.SetLastWriteTimeUtc(full, DateTime.UtcNow - age);
        return full;
    }
}
