using Kiro.Mcp.Steering.Generation.Analysis.Manifests;

namespace Kiro.Mcp.Steering.Generation.Tests;

/// <summary>
/// The scan lists files without following links, and the readers open them later by name: a folder
/// swapped for a link in between must not put an outside file's text into generated steering.
/// </summary>
public class ConfinedReadTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_listed_by_the_scan_is_not_read_through_a_folder_swapped_for_a_link_out_since()
    {
        var container = Directory.CreateTempSubdirectory("kiro-generation-confined-").FullName;
        try
        {
            var root = Path.Join(container, "ws");
            var outside = Path.Join(container, "outside");
            Directory.CreateDirectory(Path.Join(root, "docs"));
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Join(root, "docs", "README.md"), "# Inside\n");
            File.WriteAllText(Path.Join(outside, "README.md"), "# Outside secret\n");
            Assert.Equal("# Inside\n", await ManifestAnalyzer.ReadTextAsync(root, "docs/README.md", Token));

            // The state right after the scan listed docs/README.md: docs is now a link out.
            Directory.Move(Path.Join(root, "docs"), Path.Join(root, "docs-real"));
            Directory.CreateSymbolicLink(Path.Join(root, "docs"), outside);

            Assert.Null(await ManifestAnalyzer.ReadTextAsync(root, "docs/README.md", Token));
        }
        finally
        {
            Directory.Delete(container, recursive: true);
        }
    }
}
