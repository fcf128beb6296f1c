using Kiro.Mcp.Steering.Generation.Analysis.DotNet;
using Kiro.Mcp.Steering.Generation.Service;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Generation.Tests;

/// <summary>Determinism, the hand-edit marker, force, dry runs, the cache, progress and the MSBuild fallback.</summary>
public class GenerationBehaviourTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_repository_state_gives_the_same_bytes_in_another_folder_and_another_process_state()
    {
        using var repo = Samples.DotNetSolution();
        using var copy = repo.CopyTo();
        using var first = repo.Generator();
        using var second = copy.Generator();
        await first.GenerateAsync(null, false, false, null, Token);
        await second.GenerateAsync(null, false, false, null, Token);

        foreach (var name in SteeringDocuments.All)
        {
            var path = SteeringDocuments.PathOf(name);
            Assert.Equal(File.ReadAllBytes(repo.PathOf(path)), File.ReadAllBytes(copy.PathOf(path)));
        }
    }

    [Fact]
    public async Task A_hand_edited_document_is_kept_with_a_diff_and_replaced_only_with_force()
    {
        using var repo = Samples.NodeProject();
        using var generator = repo.Generator();
        await generator.GenerateAsync(null, false, false, null, Token);
        var path = SteeringDocuments.PathOf("tech");
        var generated = repo.Read(path);
        repo.Write(path, generated.Replace("## Infrastructure", "## Infrastructure\n- Deployed by hand on Fridays", StringComparison.Ordinal));
        var edited = repo.Read(path);

        var kept = await generator.GenerateAsync(["tech"], false, false, null, Token);
        var document = Assert.Single(kept.Documents);
        Assert.Equal(DocumentOutcome.KeptHandEdited, document.Outcome);
        Assert.False(document.Written);
        Assert.Equal(edited, repo.Read(path));
        Assert.Contains("--- a/.kiro/steering/tech.md", document.Diff, StringComparison.Ordinal);
        Assert.Contains("\n-- Deployed by hand on Fridays\n", document.Diff, StringComparison.Ordinal);
        Assert.Equal(generated, document.Content);

        var forced = await generator.GenerateAsync(["tech"], true, false, null, Token);
        Assert.Equal(DocumentOutcome.Overwritten, forced.Documents[0].Outcome);
        Assert.Equal(generated, repo.Read(path));
    }

    [Fact]
    public async Task A_file_written_without_the_marker_counts_as_hand_written()
    {
        using var repo = Samples.NodeProject();
        repo.Write(SteeringDocuments.PathOf("product"), "# Product\n\nOur own words.\n");
        using var generator = repo.Generator();

        var result = await generator.GenerateAsync(["product"], false, false, null, Token);

        Assert.Equal(DocumentOutcome.KeptHandEdited, result.Documents[0].Outcome);
        Assert.Equal("# Product\n\nOur own words.\n", repo.Read(SteeringDocuments.PathOf("product")));
    }

    [Fact]
    public async Task An_untouched_generated_document_is_updated_when_the_repository_changes()
    {
        using var repo = Samples.NodeProject();
        using var generator = repo.Generator();
        var created = await generator.GenerateAsync(["tech"], false, false, null, Token);
        var again = await generator.GenerateAsync(["tech"], false, false, null, Token);
        Assert.Equal(DocumentOutcome.Unchanged, again.Documents[0].Outcome);
        Assert.Equal(created.Documents[0].Version, again.Documents[0].Version);

        repo.Write("package.json", repo.Read("package.json").Replace("\"zustand\"", "\"immer\": \"^10.1.1\", \"zustand\"", StringComparison.Ordinal));
        var updated = await generator.GenerateAsync(["tech"], false, false, null, Token);

        Assert.Equal(DocumentOutcome.Updated, updated.Documents[0].Outcome);
        Assert.Contains("immer ^10.1.1", repo.Read(SteeringDocuments.PathOf("tech")), StringComparison.Ordinal);
        Assert.False(updated.Cached);
    }

    [Fact]
    public async Task A_dry_run_returns_the_documents_and_writes_nothing()
    {
        using var repo = Samples.NodeProject();
        using var generator = repo.Generator();

        var result = await generator.GenerateAsync(null, false, true, null, Token);

        Assert.Equal(3, result.Documents.Count);
        Assert.All(result.Documents, d =>
        {
            Assert.Equal(DocumentOutcome.Created, d.Outcome);
            Assert.False(d.Written);
            Assert.StartsWith("---\ninclusion: always\n---\n<!-- kiro-mcp:generated", d.Content, StringComparison.Ordinal);
        });
        Assert.False(Directory.Exists(repo.PathOf(".kiro")));
    }

    [Fact]
    public async Task An_unchanged_rerun_reuses_the_analysis_and_a_change_invalidates_it()
    {
        using var repo = Samples.DotNetSolution();
        var reads = 0;
        using var generator = new SteeringGenerator(new FileStore(new WorkspaceRoot(repo.Root)), () =>
        {
            reads++;
            return new Roslyn.MsBuildCodeReader();
        }, repo.Trust());

        var first = await generator.GenerateAsync(null, false, false, null, Token);
        var second = await generator.GenerateAsync(null, false, false, null, Token);
        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.Equal(first.StateKey, second.StateKey);
        Assert.Equal(1, reads);
        Assert.All(second.Documents, d => Assert.Equal(DocumentOutcome.Unchanged, d.Outcome));

        repo.Write("src/Shop.Domain/Catalog/Price.cs", "namespace Shop.Domain.Catalog;\npublic readonly record struct Price(decimal Amount);\n");
        var third = await generator.GenerateAsync(null, false, false, null, Token);
        Assert.False(third.Cached);
        Assert.Equal(2, reads);
        Assert.Contains("Price", repo.Read(SteeringDocuments.PathOf("structure")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_reported_in_order_up_to_the_total()
    {
        using var repo = Samples.NodeProject();
        using var generator = repo.Generator();
        var steps = new List<GenerationProgress>();

        await generator.GenerateAsync(null, false, true, new SynchronousProgress(steps), Token);

        Assert.True(steps.Count >= 5);
        Assert.Equal(steps.Select(s => s.Step).Order(), steps.Select(s => s.Step));
        Assert.All(steps, s => Assert.Equal(steps[0].Total, s.Total));
        Assert.Equal(steps[0].Total, steps[^1].Step);
    }

    [Fact]
    public async Task A_cancelled_generation_stops_and_writes_nothing()
    {
        using var repo = Samples.DotNetSolution();
        using var generator = repo.Generator();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(null, false, false, null, cancel.Token));
        Assert.False(Directory.Exists(repo.PathOf(".kiro")));
    }

    [Fact]
    public async Task Without_a_usable_sdk_the_project_files_are_read_and_the_output_says_so()
    {
        using var repo = Samples.DotNetSolution();
        // An SDK that does not exist: MSBuild's build host cannot start, as on a machine without the SDK.
        repo.Write("global.json", """{ "sdk": { "version": "99.0.100", "rollForward": "disable" } }""");
        using var generator = repo.Generator();

        var result = await generator.GenerateAsync(["tech", "structure"], false, false, null, Token);

        Assert.Equal("project_files", result.DotNetAnalysis);
        Assert.Contains(result.Notes, n => n.Contains("MSBuild", StringComparison.Ordinal));
        var tech = repo.Read(SteeringDocuments.PathOf("tech"));
        Assert.Contains("the project files' XML only", tech, StringComparison.Ordinal);
        Assert.Contains("| Shop.Domain.Tests | tests (xUnit v3) | net10.0 |", tech, StringComparison.Ordinal);
        // The code model still comes from the C# files in each project's folder.
        Assert.Contains("`Shop.Domain.Catalog` (2 types): ICatalog, Product", repo.Read(SteeringDocuments.PathOf("structure")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_reader_that_cannot_load_never_fails_generation()
    {
        using var repo = Samples.DotNetSolution();
        using var generator = new SteeringGenerator(new FileStore(new WorkspaceRoot(repo.Root)), () => throw new FileNotFoundException("Microsoft.CodeAnalysis.Workspaces.MSBuild"), repo.Trust());

        var result = await generator.GenerateAsync(["tech"], false, false, null, Token);

        Assert.Equal("project_files", result.DotNetAnalysis);
        Assert.Contains(result.Notes, n => n.StartsWith("MSBuild could not be loaded (FileNotFoundException", StringComparison.Ordinal));
        Assert.Contains("| Shop.Api | web app | net10.0 |", repo.Read(SteeringDocuments.PathOf("tech")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_document_name_is_refused()
    {
        using var repo = Samples.NodeProject();
        using var generator = repo.Generator();

        var error = await Assert.ThrowsAsync<KiroException>(() => generator.GenerateAsync(["roadmap"], false, false, null, Token));

        Assert.Equal("invalid_document", error.Code);
    }

    [Fact]
    public async Task Git_ignored_folders_and_build_output_are_left_out()
    {
        using var repo = Samples.NodeProject();
        using var generator = repo.Generator();

        var result = await generator.GenerateAsync(["structure"], false, true, null, Token);

        Assert.DoesNotContain("dist", result.Documents[0].Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    public async Task MSBuild_evaluates_the_projects_only_in_a_trusted_workspace_and_never_in_a_dry_run(bool trusted, bool dryRun, bool evaluates)
    {
        using var repo = Samples.DotNetSolution();
        var requests = new List<DotNetCodeRequest>();
        using var generator = new SteeringGenerator(new FileStore(new WorkspaceRoot(repo.Root)), () => new RecordingReader(requests), repo.Trust(trusted));

        var result = await generator.GenerateAsync(["tech"], false, dryRun, null, Token);

        Assert.Equal(evaluates, Assert.Single(requests).Evaluate);
        Assert.Equal(!evaluates, result.Notes.Any(n => n.StartsWith("MSBuild did not evaluate the projects", StringComparison.Ordinal)));
        Assert.Equal(!trusted, result.Notes.Any(n => n.Contains("`kiro-mcp trust ", StringComparison.Ordinal)));
    }

    private sealed class RecordingReader(List<DotNetCodeRequest> requests) : IDotNetCodeReader
    {
        public Task<DotNetCodeResult> ReadAsync(DotNetCodeRequest request, CancellationToken cancellationToken)
        {
            requests.Add(request);
            return Task.FromResult(new DotNetCodeResult([], []));
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need every report before the call returns.</summary>
    private sealed class SynchronousProgress(List<GenerationProgress> steps) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value)
        {
            lock (steps)
            {
                steps.Add(value);
            }
        }
    }

    [Fact]
    public async Task A_package_a_project_removes_from_its_Directory_Build_props_does_not_make_it_a_test_project()
    {
        using var repo = new SampleRepository()
            .Write("tests/Directory.Build.props", """
                <Project>
                  <ItemGroup>
                    <PackageReference Include="xunit.v3" Version="4.0.2" />
                  </ItemGroup>
                </Project>
                """)
            .Write("tests/Unit/Unit.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                </Project>
                """)
            .Write("tests/Host/Host.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup><PackageReference Remove="xunit.v3" /></ItemGroup>
                </Project>
                """)
            .Commit("two projects under tests/");
        using var generator = repo.Generator();

        var tech = (await generator.GenerateAsync(["tech"], false, true, null, Token)).Documents.Single().Content;

        Assert.Contains("| Unit | tests (xUnit v3) |", tech, StringComparison.Ordinal);
        Assert.Contains("| Host | web app |", tech, StringComparison.Ordinal);
    }
}
