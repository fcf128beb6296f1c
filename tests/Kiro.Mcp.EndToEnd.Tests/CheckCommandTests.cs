using System.Text.Json;
using System.Xml.Linq;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// <c>kiro-mcp check</c> as CI runs it, on real git repositories whose spec was written, approved and partly done
/// through the server: each gate fails on its own defect, with exit 1, in the format asked for.
/// </summary>
public class CheckCommandTests
{
    private const string Spec = "workout-logging";
    private const string Requirements = $".kiro/specs/{Spec}/requirements.md";
    private const string Design = $".kiro/specs/{Spec}/design.md";
    private const string TasksFile = $".kiro/specs/{Spec}/tasks.md";

    [Fact]
    public async Task A_clean_spec_passes_every_gate_in_every_format()
    {
        using var repo = await ApprovedRepositoryAsync();
        foreach (var format in new[] { "text", "json", "sarif", "github", "junit" })
        {
            var (exitCode, output) = await CheckAsync(repo, "--require-approved", "--drift", "--coverage", "--format", format);
            Assert.True(exitCode == 0, $"{format}: exit {exitCode}\n{output}");
        }
        var (_, text) = await CheckAsync(repo);
        Assert.Contains("1 spec checked: 0 errors", text);
    }

    [Fact]
    public async Task Require_approved_fails_a_started_spec_whose_design_changed_after_approval()
    {
        using var repo = await ApprovedRepositoryAsync();
        repo.Write(Design, repo.Read(Design) + "\n## Caching\n\nHistory pages are cached.\n");
        Git.CommitAll(repo.Root, "Change the design without review");

        Assert.Equal(0, (await CheckAsync(repo)).ExitCode);
        var (exitCode, output) = await CheckAsync(repo, "--require-approved", "--format", "github");
        Assert.Equal(1, exitCode);
        var annotation = Assert.Single(output.Split('\n'), l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.Contains($"file={Design}", annotation);
        Assert.Contains("approval_required", annotation);
        Assert.Contains("design.md changed after it was approved", annotation);
    }

    [Fact]
    public async Task Drift_fails_a_done_task_whose_criterion_was_reworded_and_the_sarif_validates()
    {
        using var repo = await ApprovedRepositoryAsync();
        repo.Write(Requirements, repo.Read(Requirements).Replace("store it with the current date", "store it with the date the user chose", StringComparison.Ordinal));
        Git.CommitAll(repo.Root, "Reword criterion 1.1");

        // Without the gate the drift is a warning: it fails only a run that fails on warnings.
        Assert.Equal(0, (await CheckAsync(repo)).ExitCode);
        Assert.Equal(1, (await CheckAsync(repo, "--fail-on", "warning")).ExitCode);

        var sarifFile = Path.Combine(repo.Parent, "check.sarif");
        var (exitCode, output) = await CheckAsync(repo, "--drift", "--format", "sarif", "--output", sarifFile);
        Assert.True(exitCode == 1, output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifFile));
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("level").GetString() == "error");
        Assert.Equal("task_needs_recheck", result.GetProperty("ruleId").GetString());
        Assert.Contains("criterion 1.1", result.GetProperty("message").GetProperty("text").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(TasksFile, location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(LineOf(repo.Read(TasksFile), "1.1 Implement"), location.GetProperty("region").GetProperty("startLine").GetInt32());

        var validation = await NodeClients.RunAsync(Path.Combine(NodeClients.Folder, "validate-sarif.mjs"), [sarifFile], repo.Parent);
        Assert.True(validation.ExitCode == 0, validation.Stdout + validation.Stderr);
        Assert.Contains("valid", validation.Stdout);
    }

    [Fact]
    public async Task Coverage_fails_a_criterion_no_task_cites_on_its_own_line_in_junit()
    {
        using var repo = await ApprovedRepositoryAsync();
        UncoverCriterion21(repo);
        Git.CommitAll(repo.Root, "Task 2 no longer cites 2.1");

        var (exitCode, output) = await CheckAsync(repo, "--coverage", "--format", "junit");
        Assert.True(exitCode == 1, output);
        var suite = Assert.Single(XDocument.Parse(output).Root!.Elements("testsuite"));
        Assert.Equal(Spec, (string?)suite.Attribute("name"));
        var failure = Assert.Single(suite.Descendants("failure"));
        Assert.Equal("criterion_uncovered", (string?)failure.Attribute("type"));
        Assert.Equal(Requirements, (string?)failure.Parent!.Attribute("file"));
        Assert.Contains($"{Requirements}:{LineOf(repo.Read(Requirements), "list workouts newest first")}:", failure.Value);

        using var json = JsonDocument.Parse((await CheckAsync(repo, "--coverage", "--format", "json")).Output);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal("criterion_uncovered", finding.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Usage_mistakes_and_unknown_specs_exit_2_not_1()
    {
        using var repo = await ApprovedRepositoryAsync();
        var unknown = await CheckAsync(repo, "no-such-spec");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains(Spec, unknown.Output);
        Assert.Equal(2, (await CheckAsync(repo, "--format", "yaml")).ExitCode);
        Assert.Equal(2, (await CheckAsync(repo, "--fail-on", "info")).ExitCode);
        var missing = await ServerConnection.RunCommandAsync(repo.Root, "check", "--workspace", Path.Combine(repo.Parent, "missing"));
        Assert.Equal(2, missing.ExitCode);
    }

    [Fact]
    public async Task A_criterion_cannot_forge_a_workflow_command_or_break_the_junit_xml()
    {
        using var repo = await ApprovedRepositoryAsync();
        // Repository content is hostile: "%0A" would become a new line in the runner, starting a command of its own,
        // and a control character is not allowed in XML at all.
        UncoverCriterion21(repo);
        repo.Write(Requirements, repo.Read(Requirements).Replace("1. WHEN the user opens the history", "1. WHEN %0A::error file=forged.cs::owned \u0001 opens the history", StringComparison.Ordinal));

        var (_, github) = await CheckAsync(repo, "--coverage", "--format", "github");
        var commands = github.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(commands, l => l.Contains("%0A::", StringComparison.Ordinal));
        Assert.Contains(commands, l => l.Contains("%250A::error file=forged.cs::owned", StringComparison.Ordinal));

        var (exitCode, junit) = await CheckAsync(repo, "--coverage", "--format", "junit");
        Assert.Equal(1, exitCode);
        Assert.Contains("owned \uFFFD", XDocument.Parse(junit).Descendants("failure").Single().Value);
    }

    [Fact]
    public async Task Tagged_tests_in_junit_and_trx_mark_criteria_verified_or_failing()
    {
        using var repo = await ApprovedRepositoryAsync();
        // JUnit: Kiro's property tag in the name (Property 1 validates 1.1 and 2.1), a criteria tag as a property.
        var junit = Path.Combine(repo.Parent, "results.xml");
        File.WriteAllText(junit, """
            <testsuites><testsuite name="workouts">
              <testcase classname="WorkoutLogTests" name="Feature: workout-logging, Property 1: Stored workouts are listed" />
              <testcase classname="WorkoutLogTests" name="Rejects an empty exercise name">
                <properties><property name="Feature" value="workout-logging, Requirements: 1.2" /></properties>
                <failure message="expected an error">at WorkoutLogTests.cs:12</failure>
              </testcase>
              <testcase classname="WorkoutLogTests" name="Feature: workout-logging, Requirements: 2.1"><skipped /></testcase>
            </testsuite></testsuites>
            """);
        var (exitCode, output) = await CheckAsync(repo, "--tests", junit, "--format", "json");
        Assert.True(exitCode == 1, output);
        using (var json = JsonDocument.Parse(output))
        {
            var failing = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "criterion_test_failing");
            Assert.Equal(LineOf(repo.Read(Requirements), "IF the exercise name is empty"), failing.GetProperty("line").GetInt32());
            Assert.Contains("Rejects an empty exercise name", failing.GetProperty("message").GetString());
            Assert.DoesNotContain(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "criterion_untested");
        }

        // TRX (dotnet test --logger trx): the property test fails, so both criteria it validates fail; the trait passes 1.2.
        var trx = Path.Combine(repo.Parent, "results.trx");
        File.WriteAllText(trx, """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="a" testName="StoredWorkoutsAreListed" outcome="Failed" />
                <UnitTestResult testId="b" testName="RejectsEmptyNames" outcome="Passed" />
              </Results>
              <TestDefinitions>
                <UnitTest name="StoredWorkoutsAreListed" id="a">
                  <Properties><Property><Key>Feature</Key><Value>workout-logging, Property 1: Stored workouts are listed</Value></Property></Properties>
                  <TestMethod className="WorkoutLogTests" name="StoredWorkoutsAreListed" />
                </UnitTest>
                <UnitTest name="RejectsEmptyNames" id="b">
                  <TestCategory><TestCategoryItem TestCategory="Feature: workout-logging, Requirements: 1.2" /></TestCategory>
                  <TestMethod className="WorkoutLogTests" name="RejectsEmptyNames" />
                </UnitTest>
              </TestDefinitions>
            </TestRun>
            """);
        var (trxExit, text) = await CheckAsync(repo, "--tests", trx);
        Assert.Equal(1, trxExit);
        var failures = text.Split('\n').Where(l => l.Contains("criterion_test_failing", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, l => l.Contains("Criterion 1.1 ", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("Criterion 2.1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_coverage_a_criterion_no_passing_test_validates_fails_once_tests_speak_for_the_spec()
    {
        using var repo = await ApprovedRepositoryAsync();
        var junit = Path.Combine(repo.Parent, "results.xml");
        File.WriteAllText(junit, """<testsuite name="s"><testcase name="Feature: workout-logging, Requirements: 1.2" /><testcase name="Unrelated" /></testsuite>""");
        var untagged = Path.Combine(repo.Parent, "untagged.xml");
        File.WriteAllText(untagged, """<testsuite name="s"><testcase name="Unrelated" /></testsuite>""");

        Assert.Equal(0, (await CheckAsync(repo, "--tests", junit)).ExitCode);
        Assert.Equal(0, (await CheckAsync(repo, "--coverage", "--tests", untagged)).ExitCode);
        var (exitCode, output) = await CheckAsync(repo, "--coverage", "--tests", junit, "--format", "github");
        Assert.Equal(1, exitCode);
        var untested = output.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, untested.Count);
        Assert.All(untested, l => Assert.Contains("criterion_untested", l));
        Assert.Equal(2, (await CheckAsync(repo, "--tests", Path.Combine(repo.Parent, "missing.xml"))).ExitCode);
    }

    [Fact]
    public async Task The_workflow_in_docs_ci_runs_as_written()
    {
        var steps = WorkflowCommands();
        Assert.Equal(3, steps.Count);

        using var clean = await ApprovedRepositoryAsync();
        PullRequestBase(clean);
        foreach (var step in steps)
        {
            var run = await RunStepAsync(clean, step);
            Assert.True(run.ExitCode == 0, $"{step}\n{run.Output}");
        }

        using var drifted = await ApprovedRepositoryAsync();
        PullRequestBase(drifted);
        drifted.Write(Requirements, drifted.Read(Requirements).Replace("store it with the current date", "store it with the date the user chose", StringComparison.Ordinal));
        Git.CommitAll(drifted.Root, "Reword criterion 1.1");
        var annotate = await RunStepAsync(drifted, steps[0]);
        Assert.Equal(1, annotate.ExitCode);
        Assert.Contains($"::error file={TasksFile}", annotate.Output);
        var sarif = await RunStepAsync(drifted, steps[1]);
        Assert.True(sarif.ExitCode == 0, sarif.Output);
        var validation = await NodeClients.RunAsync(Path.Combine(NodeClients.Folder, "validate-sarif.mjs"), [drifted.PathOf("kiro-specs.sarif")], drifted.Parent);
        Assert.True(validation.ExitCode == 0, validation.ToString());
        var impact = await RunStepAsync(drifted, steps[2]);
        Assert.True(impact.ExitCode == 0, impact.Output);
        Assert.Contains("**Recheck** task 1.1", drifted.Read("kiro-impact.md"));
    }

    /// <summary>What actions/checkout with fetch-depth 0 gives a pull request: the base branch as origin/main.</summary>
    private static void PullRequestBase(TempWorkspace repo) =>
        Git.Run(repo.Root, "update-ref", "refs/remotes/origin/main", "HEAD");

    /// <summary>The <c>run: kiro-mcp …</c> lines of the workflow in docs/ci.md, as written there.</summary>
    private static List<string> WorkflowCommands()
    {
        var doc = File.ReadAllText(Path.Combine(ServerBinary.RepositoryRoot, "docs", "ci.md"));
        var yaml = doc[(doc.IndexOf("```yaml", StringComparison.Ordinal) + 7)..];
        yaml = yaml[..yaml.IndexOf("```", StringComparison.Ordinal)];
        return yaml.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("run: kiro-mcp ", StringComparison.Ordinal)).Select(l => l["run: ".Length..]).ToList();
    }

    /// <summary>Runs one step in bash in the repository, as the runner does, with the built server standing in for the installed tool.</summary>
    private static Task<(int ExitCode, string Output)> RunStepAsync(TempWorkspace repo, string command)
    {
        command = command.Replace("${{ github.base_ref }}", "main", StringComparison.Ordinal);
        var script = $"kiro-mcp() {{ dotnet '{ServerBinary.Path}' \"$@\"; }}\ncd '{repo.Root}'\n{command}\n";
        return ServerConnection.RunAsync("bash", ["-c", script], repo.Root);
    }

    /// <summary>
    /// A git repository with the workout spec written and approved through the server (stdio), and task 1.1 done:
    /// the state a team's main branch would be in.
    /// </summary>
    private static async Task<TempWorkspace> ApprovedRepositoryAsync()
    {
        var repo = new TempWorkspace();
        Git.Init(repo.Root);
        await using (var server = await ServerConnection.StartAsync(Transport.Stdio, repo.Root))
        {
            await server.CallOkAsync("spec_create", new { name = Spec });
            foreach (var (document, content) in new[] { ("requirements", WorkoutSpec.Requirements), ("design", WorkoutSpec.Design), ("tasks", WorkoutSpec.Tasks) })
            {
                await server.CallOkAsync("spec_write", new { spec = Spec, document, content });
                await server.CallOkAsync("spec_approve", new { spec = Spec, document });
            }
            await server.CallOkAsync("task_start", new { spec = Spec, taskId = "1.1" });
            var done = await server.CallOkAsync("task_complete", new { spec = Spec, taskId = "1.1", verify = false });
            Assert.True(done.GetProperty("completed").GetBoolean());
        }
        Git.CommitAll(repo.Root, "Spec approved, task 1.1 done");
        return repo;
    }

    /// <summary>Takes criterion 2.1 out of tasks.md: task 2 cites 1.1 instead, and the property test no longer validates it.</summary>
    private static void UncoverCriterion21(TempWorkspace repo) =>
        repo.Write(TasksFile, repo.Read(TasksFile)
            .Replace("_Requirements: 2.1_", "_Requirements: 1.1_", StringComparison.Ordinal)
            .Replace("Validates: Requirements 1.1, 2.1", "Validates: Requirements 1.1", StringComparison.Ordinal));

    private static Task<(int ExitCode, string Output)> CheckAsync(TempWorkspace repo, params string[] args) =>
        ServerConnection.RunCommandAsync(repo.Root, ["check", "--workspace", repo.Root, .. args]);

    private static int LineOf(string text, string fragment) =>
        text.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(fragment, StringComparison.Ordinal)).i + 1;
}
