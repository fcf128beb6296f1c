using System.Text.Json;
using System.Text.Json.Nodes;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>spec_impact on a real repository: the report of <c>kiro-mcp impact --format json</c>, over MCP, and hostile revisions refused.</summary>
public class SpecImpactToolTests
{
    private const string Tasks = """
        # Implementation Plan

        - [ ] 1. Workout storage
          - [ ] 1.1 Implement WorkoutLog.Add
            - _Requirements: 1.1, 1.2_

        - [ ] 2. Implement History with paging
          - _Requirements: 2.1_

        """;

    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task A_branch_that_rewords_a_criterion_reports_the_reopened_task_and_the_affected_files_as_the_command_does(Transport transport)
    {
        using var repo = new TempWorkspace();
        Git.Init(repo.Root);
        await using var server = await ServerConnection.StartAsync(transport, repo.Root);
        await ImpactRepository.DoTasksAsync(server, repo, Tasks);
        ImpactRepository.Reword(repo);
        Git.CommitAll(repo.Root, "Let users choose the date");
        // The working tree moves on: the report is of the two commits, not of the files on disk.
        repo.Write("src/add.txt", "uncommitted");

        var report = await server.CallOkAsync("spec_impact", new { @base = "base" });

        var spec = Assert.Single(report.GetProperty("specs").EnumerateArray());
        Assert.Equal(["1.1"], Strings(spec, "criteriaReworded"));
        Assert.Equal(["2"], Strings(spec, "tasksReopened"));
        Assert.Equal(["1.1"], spec.GetProperty("needsRecheck").EnumerateArray().Select(t => t.GetProperty("task").GetString()));
        Assert.Equal(["src/add.txt", "src/history.txt"], report.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
        Assert.Equal(Git.Run(repo.Root, "rev-parse", "HEAD"), report.GetProperty("head").GetString());

        // One analyzer behind both: the tool's report is the command's, field for field.
        var (exitCode, output) = await ServerConnection.RunCommandAsync(repo.Root, "impact", "--workspace", repo.Root, "--base", "base", "--head", "reword", "--format", "json");
        Assert.True(exitCode == 0, output);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(output), JsonNode.Parse(report.GetRawText())), $"tool: {report}\ncommand: {output}");
        var explicitHead = await server.CallOkAsync("spec_impact", new { @base = "base", head = "reword" });
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(explicitHead.GetRawText()), JsonNode.Parse(report.GetRawText())));
    }

    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task A_revision_that_is_unknown_or_more_than_a_commit_name_is_refused_with_a_code(Transport transport)
    {
        using var repo = new TempWorkspace();
        Git.Init(repo.Root);
        repo.Write("a.txt", "a");
        Git.CommitAll(repo.Root, "a");
        await using var server = await ServerConnection.StartAsync(transport, repo.Root);

        Assert.Contains("'no-such-branch' names no commit", await server.CallErrorAsync("spec_impact", new { @base = "no-such-branch" }, "revision_not_found"));
        Assert.Contains("'nowhere' names no commit", await server.CallErrorAsync("spec_impact", new { @base = "HEAD", head = "nowhere" }, "revision_not_found"));
        // Git's wider syntax names trees, blobs, ranges and reflog entries, or steps out of .git/refs: none is a commit name.
        foreach (var hostile in new[]
        {
            "HEAD:a.txt", "HEAD~1..HEAD", "../../../../etc/passwd", "refs/../../config", "HEAD@{0}", "-x", "--output=/tmp/x", "/etc/passwd",
            "main\nHEAD", "a b", "C:\\Windows", ".git", new string('a', 300), "",
        })
        {
            await server.CallErrorAsync("spec_impact", new { @base = hostile }, "revision_invalid");
            await server.CallErrorAsync("spec_impact", new { @base = "HEAD", head = hostile }, "revision_invalid");
        }
        // What a pull request passes still works.
        Assert.Equal(0, (await server.CallOkAsync("spec_impact", new { @base = "HEAD~0", head = "HEAD" })).GetProperty("filesChanged").GetInt32());
    }

    [Fact]
    public async Task A_workspace_without_git_says_so()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root);
        await server.CallErrorAsync("spec_impact", new { @base = "main" }, "not_a_repository");
    }

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
