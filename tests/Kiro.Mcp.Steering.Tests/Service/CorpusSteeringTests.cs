namespace Kiro.Mcp.Steering.Tests.Service;

/// <summary>
/// Whole workspaces of both corpora loaded by the steering service, AGENTS.md files included. The
/// workspaces of ../shared run when it is beside the repository and are skipped otherwise.
/// </summary>
public class CorpusSteeringTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Workspaces() =>
        KiroFixtures.Each(corpus => corpus.Workspaces("steering").Select(w => Path.GetFileName(w)));

    [Theory]
    [MemberData(nameof(Workspaces))]
    public async Task Every_workspace_lists_each_steering_and_AGENTS_file_without_findings(string corpus, string name)
    {
        using var workspace = new TestWorkspace();
        var source = KiroFixtures.Named(corpus).FullPath(name);
        KiroFixtures.CopyFolder(source, workspace.Folder);
        var expected = Directory.GetFiles(Path.Join(source, ".kiro", "steering"), "*.md").Length
            + Directory.GetFiles(source, "AGENTS.md", SearchOption.AllDirectories).Length;

        var list = await workspace.Service.ListAsync(Token);

        Assert.Empty(list.Skipped);
        Assert.Equal(expected, list.Documents.Count);
        Assert.All(list.Documents, d => Assert.Empty(d.Findings));
    }

    [Fact]
    public async Task Our_corpus_has_every_inclusion_mode_and_AGENTS_files_that_always_apply()
    {
        using var workspace = new TestWorkspace();
        KiroFixtures.CopyFolder(KiroFixtures.Own.FullPath("ledger-sync"), workspace.Folder);

        var list = await workspace.Service.ListAsync(Token);
        var context = await workspace.Service.ContextAsync(["packages/api/src/routes/accounts.ts"], [], Token);

        Assert.Equal(
            [("AGENTS.md", "agents", "always"), ("api", "workspace", "fileMatch"), ("bank-formats", "workspace", "auto"), ("conventions", "workspace", "always"),
             ("release", "workspace", "manual"), ("typescript", "workspace", "fileMatch"), ("web", "workspace", "fileMatch"), ("packages/api/AGENTS.md", "agents", "always")],
            list.Documents.Select(d => (d.Name, d.Source, d.Inclusion)));
        // Both AGENTS.md files on the path apply, with the always file and the fileMatch file whose glob
        // matches; the auto file is offered, the manual one is not applied.
        Assert.Equal(["AGENTS.md", "api", "conventions", "packages/api/AGENTS.md"], context.Documents.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["bank-formats"], context.Available.Select(a => a.Name));
        Assert.Contains("contract test", context.Documents.Single(d => d.Name == "packages/api/AGENTS.md").Text);
    }
}
