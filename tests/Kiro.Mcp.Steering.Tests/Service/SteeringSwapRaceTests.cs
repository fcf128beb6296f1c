using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Tests.Service;

public class SteeringSwapRaceTests
{
    // Bounded by count, not time.
    private const int Operations = 2_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Steering_and_its_file_references_never_return_outside_content_while_their_folders_are_swapped_for_links()
    {
        if (!FolderSwapper.Supported)
        {
            Assert.Skip("The swap needs Linux's renameat2; the defence itself is the same on macOS.");
        }
        using var workspace = new TestWorkspace();
        workspace.WriteSteering("tech", "# Tech\n#[[file:docs/api.md]]\n");
        workspace.Write("docs/api.md", "inside api\n");
        // The outside folder has files of the same names, so a swapped folder read by name serves them.
        File.WriteAllText(Path.Join(workspace.Outside, "tech.md"), "outside secret steering\n");
        File.WriteAllText(Path.Join(workspace.Outside, "api.md"), "outside secret api\n");

        var leaks = 0;
        var refused = 0;
        int flips;
        using (var steering = new FolderSwapper(workspace.Full(".kiro/steering"), workspace.Outside))
        using (var docs = new FolderSwapper(workspace.Full("docs"), workspace.Outside))
        {
            for (var i = 0; i < Operations; i++)
            {
                try
                {
                    // steering_read, then steering_context: both expand #[[file:]] references.
                    var text = i % 2 == 0
                        ? (await workspace.Service.ReadAsync("tech", expand: true, Token)).Text
                        : string.Concat((await workspace.Service.ContextAsync([], [], Token)).Documents.Select(d => d.Text));
                    leaks += text.Contains("outside secret", StringComparison.Ordinal) ? 1 : 0;
                }
                catch (KiroException)
                {
                    // "not found" while the folder is a link out: refusing is fine, leaking is not.
                    refused++;
                }
            }
            flips = steering.Flips + docs.Flips;
        }

        Assert.True(flips > 0, "nothing was swapped: the test proved nothing");
        Assert.True(leaks == 0, $"{leaks} results with outside content in {Operations} reads ({flips} swaps, {refused} refused)");
    }
}
