namespace Kiro.Mcp.Workspace.Tests;

public partial class FileStoreTests
{
    // Bounded by count, not time: enough for a check-then-open-by-name store to lose several times.
    private const int RaceOperations = 2_000;

    [Fact]
    public async Task Writes_and_reads_never_reach_outside_while_a_spec_folder_is_swapped_for_a_link()
    {
        if (!FolderSwapper.Supported)
        {
            Assert.Skip("The swap needs Linux's renameat2; the defence itself is the same on macOS.");
        }
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/specs/race/requirements.md", "inside\n");
        File.WriteAllText(Path.Join(workspace.Outside, "requirements.md"), "outside secret\n");
        var outsideBefore = Describe(workspace.Outside);
        var store = workspace.Store;

        var outsideFile = Path.Join(workspace.Outside, "requirements.md");
        var lastOutside = File.ReadAllText(outsideFile);
        var overwrites = 0;
        var leaks = 0;
        var reasons = new HashSet<string>();
        var refused = 0;
        int flips;
        using (var swapper = new FolderSwapper(workspace.Full(".kiro/specs/race"), workspace.Outside))
        {
            for (var i = 0; i < RaceOperations; i++)
            {
                try
                {
                    if (i % 2 == 0)
                    {
                        await store.WriteAsync(".kiro/specs/race/requirements.md", $"inside {i}\n", null, Ct);
                        // Each write is unique, so every write that escaped shows as a change outside.
                        var now = File.ReadAllText(outsideFile);
                        overwrites += now == lastOutside ? 0 : 1;
                        lastOutside = now;
                    }
                    else if ((await store.ReadAsync(".kiro/specs/race/requirements.md", Ct))?.Text.Contains("outside", StringComparison.Ordinal) == true)
                    {
                        leaks++;
                    }
                }
                catch (Exception e) when (e is KiroException or IOException or UnauthorizedAccessException)
                {
                    // Refusing (the link leads out) or failing (the folder is parked) is fine; escaping is not.
                    refused++;
                    reasons.Add(e.GetType().Name + ": " + e.Message[..Math.Min(60, e.Message.Length)]);
                }
            }
            flips = swapper.Flips;
        }

        var outsideAfter = Describe(workspace.Outside);
        var tempsOutside = Directory.EnumerateFiles(workspace.Outside, "*.kiro-tmp", new EnumerationOptions { AttributesToSkip = 0 }).Count();
        var written = overwrites + outsideAfter.Count(f => !f.StartsWith("requirements.md:", StringComparison.Ordinal) && !outsideBefore.Contains(f) && !f.Contains(".kiro-tmp:", StringComparison.Ordinal));
        Assert.True(flips > 0, "the folder was never swapped: the test proved nothing");
        Assert.True(leaks == 0 && written == 0 && tempsOutside == 0,
            $"{written} writes landed outside, {tempsOutside} temp files left outside and {leaks} reads of outside content in {RaceOperations} operations ({flips} swaps, {refused} refused: {string.Join(" | ", reasons)})");
        Assert.Empty(workspace.LeftoverTempFiles());
    }

    /// <summary>Each file of a folder with its content, so a changed or added file shows up as a new entry.</summary>
    private static HashSet<string> Describe(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { AttributesToSkip = 0 })
            .Select(f => $"{Path.GetFileName(f)}:{File.ReadAllText(f)}").ToHashSet(StringComparer.Ordinal);
}
