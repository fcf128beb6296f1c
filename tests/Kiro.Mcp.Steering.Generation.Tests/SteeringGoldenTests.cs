using Kiro.Mcp.Steering.Generation.Service;

namespace Kiro.Mcp.Steering.Generation.Tests;

/// <summary>The generated documents for three sample repositories, compared with reviewed golden files.</summary>
public class SteeringGoldenTests
{
    public static TheoryData<string> SampleNames => ["dotnet-solution", "node-project", "polyglot"];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Generated_documents_match_the_reviewed_goldens(string sample)
    {
        using var repo = Create(sample);
        using var generator = repo.Generator();
        var result = await generator.GenerateAsync(null, force: false, dryRun: false, null, TestContext.Current.CancellationToken);

        Assert.All(result.Documents, d => Assert.Equal(DocumentOutcome.Created, d.Outcome));
        foreach (var name in SteeringDocuments.All)
        {
            Golden.AssertMatches($"{sample}/{name}.md", repo.Read(SteeringDocuments.PathOf(name)));
        }
    }

    [Fact]
    public async Task A_dotnet_solution_is_read_with_msbuild()
    {
        using var repo = Samples.DotNetSolution();
        using var generator = repo.Generator();
        // Not a dry run: a dry run never starts MSBuild (it writes obj/).
        var result = await generator.GenerateAsync(["tech"], false, false, null, TestContext.Current.CancellationToken);

        Assert.Equal("msbuild", result.DotNetAnalysis);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public async Task Product_asks_what_the_readme_does_not_say()
    {
        using var repo = Samples.NodeProject();
        using var generator = repo.Generator();
        var result = await generator.GenerateAsync(["product"], false, true, null, TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Questions.Count);
        Assert.Contains(result.Questions, q => q.Contains("target users", StringComparison.Ordinal));
        Assert.Contains("> **Question for the user:**", result.Documents[0].Content, StringComparison.Ordinal);
        Assert.Contains("A to-do list in the browser.", result.Documents[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readme_code_blocks_stay_code_blocks_in_product_md()
    {
        using var repo = new SampleRepository().Write("README.md", """
            # todo

            A todo list on the command line. Use it like this:

                node bin/todo.js add buy milk
                node bin/todo.js done 1

            ## Goals

            - Keep a list without leaving the terminal

            ```sh
            npm test
            ```
            """);
        using var generator = repo.Generator();

        var result = await generator.GenerateAsync(["product"], false, true, null, TestContext.Current.CancellationToken);

        var product = result.Documents[0].Content;
        Assert.Contains("```\nnode bin/todo.js add buy milk\nnode bin/todo.js done 1\n```", product, StringComparison.Ordinal);
        Assert.DoesNotContain("buy milk node bin", product, StringComparison.Ordinal);
        Assert.Contains("- Keep a list without leaving the terminal", product, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_readme_code_block_is_cut_in_product_md()
    {
        var listing = string.Join("\n", Enumerable.Range(1, 5_000).Select(i => $"line {i}"));
        using var repo = new SampleRepository().Write("README.md", $"# big\n\nA tool.\n\n```\n{listing}\n```\n");
        using var generator = repo.Generator();

        var result = await generator.GenerateAsync(["product"], false, true, null, TestContext.Current.CancellationToken);

        var product = result.Documents[0].Content;
        Assert.Contains("line 30\n…\n```", product, StringComparison.Ordinal);
        Assert.DoesNotContain("line 31\n", product, StringComparison.Ordinal);
    }

    internal static SampleRepository Create(string sample) => sample switch
    {
        "dotnet-solution" => Samples.DotNetSolution(),
        "node-project" => Samples.NodeProject(),
        _ => Samples.Polyglot(),
    };
}
