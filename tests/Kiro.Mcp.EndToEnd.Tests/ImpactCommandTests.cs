using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary><c>kiro-mcp impact</c> on a real repository: a branch that rewords a criterion, reopens a task and edits code earlier tasks wrote.</summary>
public class ImpactCommandTests
{
    // Task titles are repository content: a pull-request comment must not render their HTML or ping anyone.
    private const string Tasks = """
        # Implementation Plan

        - [ ] 1. Workout storage
          - [ ] 1.1 Implement WorkoutLog.Add <img src=x onerror=alert(1)> for @lifters
            - _Requirements: 1.1, 1.2_

        - [ ] 2. Implement History with paging
          - _Requirements: 2.1_

        """;

    [Fact]
    public async Task A_branch_that_rewords_a_criterion_reports_the_tasks_to_recheck_the_reopened_task_and_the_code_they_wrote()
    {
        using var repo = new TempWorkspace();
        Git.Init(repo.Root);
        await using (var server = await ServerConnection.StartAsync(Transport.Stdio, repo.Root))
        {
            foreach (var done in await ImpactRepository.DoTasksAsync(server, repo, Tasks))
            {
                Assert.True(done.GetProperty("completed").GetBoolean());
            }
        }

        ImpactRepository.Reword(repo);
        repo.Write("README.md", "unrelated");
        Git.CommitAll(repo.Root, "Let users choose the date");

        var (exitCode, output) = await ServerConnection.RunCommandAsync(repo.Root, "impact", "--workspace", repo.Root, "--base", "base", "--format", "json");
        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        var spec = Assert.Single(json.RootElement.GetProperty("specs").EnumerateArray());
        Assert.Equal(["1.1"], Strings(spec, "criteriaReworded"));
        Assert.Equal(["2"], Strings(spec, "tasksReopened"));
        Assert.Equal(["requirements.md: modified", "tasks.md: modified"], Strings(spec, "documents"));
        Assert.Equal(["1.1"], spec.GetProperty("needsRecheck").EnumerateArray().Select(t => t.GetProperty("task").GetString()));
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(
            f => f.GetProperty("path").GetString()!,
            f => f.GetProperty("tasks").EnumerateArray().Select(t => $"{t.GetProperty("task").GetString()}: {string.Join(",", Strings(t, "requirements"))}").Single());
        Assert.Equal(new Dictionary<string, string> { ["src/add.txt"] = "1.1: 1.1,1.2", ["src/history.txt"] = "2: 2.1" }, files);
        Assert.Equal(5, json.RootElement.GetProperty("filesChanged").GetInt32()); // two spec documents, two code files, README.md

        var (_, markdown) = await ServerConnection.RunCommandAsync(repo.Root, "impact", "--workspace", repo.Root, "--base", "base", "--head", "reword");
        Assert.Contains("#### workout-logging", markdown);
        Assert.Contains("- Criteria reworded: 1.1", markdown);
        Assert.Contains("| src/add.txt | workout-logging 1.1 | 1.1, 1.2 |", markdown);
        Assert.Contains("\\<img", markdown);
        Assert.DoesNotMatch(@"(?<!\\)<", markdown); // every '<' escaped: no HTML reaches the comment
        Assert.DoesNotContain("@lifters", markdown);
    }

    [Fact]
    public async Task An_unknown_revision_or_a_folder_without_git_exits_2()
    {
        using var repo = new TempWorkspace();
        var (noGit, message) = await ServerConnection.RunCommandAsync(repo.Root, "impact", "--workspace", repo.Root, "--base", "main");
        Assert.Equal(2, noGit);
        Assert.Contains("not in a git repository", message);

        Git.Init(repo.Root);
        repo.Write("a.txt", "a");
        Git.CommitAll(repo.Root, "a");
        var (unknown, text) = await ServerConnection.RunCommandAsync(repo.Root, "impact", "--workspace", repo.Root, "--base", "no-such-branch");
        Assert.Equal(2, unknown);
        Assert.Contains("'no-such-branch' names no commit", text);
        Assert.Equal(2, (await ServerConnection.RunCommandAsync(repo.Root, "impact", "--workspace", repo.Root)).ExitCode);
    }

    private static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
