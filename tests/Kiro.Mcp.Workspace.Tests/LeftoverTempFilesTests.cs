namespace Kiro.Mcp.Workspace.Tests;

/// <summary>Temp files of a killed writer are removed at start; nothing else is, and no link is followed.</summary>
public class LeftoverTempFilesTests
{
    private const string Guid = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Old_temp_files_of_ours_are_removed_and_young_ones_foreign_names_and_lock_files_kept()
    {
        using var workspace = new TempWorkspace();
        var old = Create(workspace, $".kiro/specs/a/.tasks.md.{Guid}.kiro-tmp", TimeSpan.FromMinutes(5));
        var oldDeep = Create(workspace, $".kiro/.runtime/.hook-history.json.{Guid}.kiro-tmp", TimeSpan.FromHours(30));
        var young = Create(workspace, $".kiro/specs/a/.design.md.{Guid}.kiro-tmp", TimeSpan.FromSeconds(5));
        var foreign = Create(workspace, ".kiro/specs/a/notes.kiro-tmp", TimeSpan.FromMinutes(5));
        var notOurs = Create(workspace, $".kiro/specs/a/.tasks.md.{Guid}.kiro-tmp.bak", TimeSpan.FromMinutes(5));
        var outsideKiro = Create(workspace, $"src/.app.cs.{Guid}.kiro-tmp", TimeSpan.FromMinutes(5));
        var lockFile = Create(workspace, WriteLock.Folder + $"/{Guid}.write.lock", TimeSpan.FromHours(1));

        var removed = LeftoverTempFiles.Remove(workspace.Root, TimeProvider.System);

        Assert.Equal(2, removed);
        Assert.False(File.Exists(old));
        Assert.False(File.Exists(oldDeep));
        Assert.All([young, foreign, notOurs, outsideKiro, lockFile], path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void Links_are_not_followed_out_of_the_workspace()
    {
        using var workspace = new TempWorkspace();
        var outside = Path.Join(workspace.Outside, $".secret.md.{Guid}.kiro-tmp");
        File.WriteAllText(outside, "outside\n");
        File.SetLastWriteTimeUtc(outside, DateTime.UtcNow.AddHours(-1));
        workspace.Link(".kiro/specs/linked", workspace.Outside, directory: true);
        workspace.Link($".kiro/specs/.x.md.{Guid}.kiro-tmp", outside, directory: false);
        var before = workspace.Snapshot();

        Assert.Equal(0, LeftoverTempFiles.Remove(workspace.Root, TimeProvider.System));

        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public void A_kiro_folder_that_is_a_link_is_left_alone()
    {
        using var workspace = new TempWorkspace();
        var outside = Path.Join(workspace.Outside, $".secret.md.{Guid}.kiro-tmp");
        File.WriteAllText(outside, "outside\n");
        File.SetLastWriteTimeUtc(outside, DateTime.UtcNow.AddHours(-1));
        workspace.Link(".kiro", workspace.Outside, directory: true);

        Assert.Equal(0, LeftoverTempFiles.Remove(workspace.Root, TimeProvider.System));

        Assert.True(File.Exists(outside));
    }

    private static string Create(TempWorkspace workspace, string relative, TimeSpan age)
    {
        workspace.Write(relative, "partial");
        var full = workspace.Full(relative);
        File.SetLastWriteTimeUtc(full, DateTime.UtcNow - age);
        return full;
    }
}
