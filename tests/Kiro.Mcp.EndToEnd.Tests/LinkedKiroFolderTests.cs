using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>A workspace whose .kiro is a symbolic link: the server starts, answers, and refuses to use it.</summary>
public class LinkedKiroFolderTests
{
    [Fact]
    public async Task A_kiro_folder_that_is_a_symlink_is_refused_with_a_clear_message_and_the_server_still_answers()
    {
        using var workspace = new TempWorkspace();
        var outside = Path.Combine(workspace.Parent, "elsewhere-kiro");
        Directory.CreateDirectory(Path.Combine(outside, "specs", "leak"));
        Directory.CreateDirectory(Path.Combine(outside, "steering"));
        File.WriteAllText(Path.Combine(outside, "specs", "leak", "requirements.md"), "outside secret spec\n");
        File.WriteAllText(Path.Combine(outside, "steering", "tech.md"), "outside secret steering\n");
        Directory.CreateSymbolicLink(workspace.PathOf(".kiro"), outside);
        var before = workspace.Snapshot();

        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);

        var message = await server.CallErrorAsync("spec_list", new { }, "kiro_folder_linked");
        Assert.Contains(".kiro folder is a symbolic link", message);
        Assert.Contains("Replace the link with a real folder", message);
        await server.CallErrorAsync("spec_read", new { spec = "leak", document = "requirements" }, "kiro_folder_linked");
        await server.CallErrorAsync("spec_create", new { name = "fresh" }, "kiro_folder_linked");
        await server.CallErrorAsync("steering_write", new { name = "tech", content = "# pwned\n" }, "kiro_folder_linked");
        var steering = (await server.CallOkAsync("steering_list", new { })).ToString();
        Assert.DoesNotContain("outside secret", steering);
        Assert.Contains("symbolic link", steering);
        Assert.Contains(server.Stderr, line => line.Contains("Workspace problem", StringComparison.Ordinal) && line.Contains(".kiro folder is a symbolic link", StringComparison.Ordinal));

        Assert.Equal(before, workspace.Snapshot());
        Assert.Equal("outside secret steering\n", File.ReadAllText(Path.Combine(outside, "steering", "tech.md")));
    }
}
