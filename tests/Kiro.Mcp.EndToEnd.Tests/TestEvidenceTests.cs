using System.Text.Json;
using System.Text.RegularExpressions;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// Test evidence from task verification: the JUnit and TRX files a verification writes (verify.results) are linked to the
/// criteria through Kiro's tags, kept in the run log (.runs.jsonl), and shown per criterion by spec_trace and the dashboard's trace.
/// </summary>
public class TestEvidenceTests
{
    private const string Spec = "evidence";
    private static readonly string Runs = RunLogFile.PathOf(Spec);

    private const string Requirements = WorkoutSpec.Requirements + """


        ### Requirement 3: Export

        **User Story:** As a lifter, I want to export my workouts, so that I can keep them elsewhere.

        #### Acceptance Criteria

        1. WHEN the user asks for an export, THE Workout_Log SHALL write every workout to a CSV file
        """;

    private const string Design = """
        # Design Document

        ## Overview

        A Workout_Log service with a JSON file store.

        ## Correctness Properties

        ### Property 1: Stored workouts are listed

        *For any* valid workout, after Add it appears first in History(1).

        **Validates: Requirements 1.1**

        ### Property 2: Empty names are rejected

        *For any* workout without an exercise name, Add refuses it.

        **Validates: Requirements 1.2**
        """;

    // Criterion 3.1 is cited by no task.
    private const string Tasks = """
        # Implementation Plan

        - [ ] 1. Implement WorkoutLog.Add with validation
          - _Requirements: 1.1, 1.2_
          - _Verify: mkdir -p TestResults && cp fixtures/junit.xml TestResults/junit.xml_

        - [ ] 2. Implement History with paging
          - _Requirements: 2.1_
          - _Verify: mkdir -p TestResults && cp fixtures/run.trx TestResults/run.trx && exit 1_

        """;

    // Property 1 (1.1) passes, a criteria tag in a property element (1.2) passes, a skipped test for 2.1 proves nothing.
    private const string Junit = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites>
          <testsuite name="WorkoutTests" tests="3">
            <testcase classname="WorkoutTests" name="Feature: evidence, Property 1: Stored workouts are listed" />
            <testcase classname="WorkoutTests" name="Rejects an empty name">
              <properties><property name="Feature" value="evidence, Requirements: 1.2" /></properties>
            </testcase>
            <testcase classname="WorkoutTests" name="Feature: evidence, Requirements: 2.1 pages by 20"><skipped /></testcase>
          </testsuite>
        </testsuites>
        """;

    // Later, Property 2 (1.2) fails: the latest evidence of 1.2 wins.
    private const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="6e1b" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testId="t1" testName="EmptyNamesAreRejected" outcome="Failed" />
          </Results>
          <TestDefinitions>
            <UnitTest id="t1" name="EmptyNamesAreRejected">
              <TestCategory><TestCategoryItem TestCategory="Feature: evidence, Property 2: Empty names are rejected" /></TestCategory>
              <TestMethod className="Workouts.Tests.Properties" name="EmptyNamesAreRejected" />
            </UnitTest>
          </TestDefinitions>
        </TestRun>
        """;

    // An earlier run's file: the verification does not write it, so it is not this run's evidence.
    private const string Stale = """
        <testsuites><testsuite name="Old"><testcase name="Feature: evidence, Requirements: 2.1, 3.1 old pass" /></testsuite></testsuites>
        """;

    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task Results_a_verification_writes_mark_criteria_verified_failing_untested_or_uncovered(Transport transport)
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/settings/kiro-mcp.json", """{"verify": {"command": "true", "results": "TestResults/*"}}""");
        workspace.Write("fixtures/junit.xml", Junit);
        workspace.Write("fixtures/run.trx", Trx);
        workspace.Write("TestResults/stale.xml", Stale);
        File.SetLastWriteTimeUtc(workspace.PathOf("TestResults/stale.xml"), DateTime.UtcNow.AddHours(-2));
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root, extraArgs: [ServerConnection.Trust]);
        await WriteSpecAsync(server);

        // Before any evidence: a criterion is covered by a task, or uncovered.
        Assert.Equal(new Dictionary<string, string> { ["1.1"] = "covered", ["1.2"] = "covered", ["2.1"] = "covered", ["3.1"] = "uncovered" }, await StatesAsync(server));

        await server.CallOkAsync("task_start", new { spec = Spec, taskId = "1" });
        var done = await server.CallOkAsync("task_complete", new { spec = Spec, taskId = "1" });
        Assert.True(done.GetProperty("completed").GetBoolean());
        Assert.Contains("Test evidence from 1 results file: 2 criteria verified, 0 failing", done.GetProperty("nextStep").GetString());
        var run = RunLogFile.Runs(workspace.Read(Runs))[0];
        Assert.Equal(["TestResults/junit.xml"], run.GetProperty("evidence").GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["Feature: evidence, Property 1: Stored workouts are listed"],
            run.GetProperty("evidence").GetProperty("criteria").GetProperty("1.1").GetProperty("passed").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(new Dictionary<string, string> { ["1.1"] = "verified", ["1.2"] = "verified", ["2.1"] = "untested", ["3.1"] = "uncovered" }, await StatesAsync(server));

        // Task 2's verification writes a TRX file with a failing property test and fails: the task stays open, the failure is evidence.
        File.SetLastWriteTimeUtc(workspace.PathOf("TestResults/junit.xml"), DateTime.UtcNow.AddHours(-1));
        await server.CallOkAsync("task_start", new { spec = Spec, taskId = "2" });
        var failed = await server.CallOkAsync("task_complete", new { spec = Spec, taskId = "2" });
        Assert.False(failed.GetProperty("completed").GetBoolean());
        Assert.Contains("0 criteria verified, 1 failing", failed.GetProperty("nextStep").GetString());
        Assert.Equal(new Dictionary<string, string> { ["1.1"] = "verified", ["1.2"] = "failing", ["2.1"] = "untested", ["3.1"] = "uncovered" }, await StatesAsync(server));

        var trace = await server.CallOkAsync("spec_trace", new { spec = Spec, requirement = "1.2" });
        var evidence = trace.GetProperty("criteria")[0].GetProperty("evidence");
        Assert.Equal(["EmptyNamesAreRejected"], evidence.GetProperty("failed").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty(evidence.GetProperty("passed").EnumerateArray());

        if (server.Endpoint is { } endpoint)
        {
            // The dashboard's trace: each criterion's state, failing and uncovered rows highlighted, the tests named.
            using var http = new HttpClient();
            var html = await http.GetStringAsync(new Uri(endpoint, $"/w/{Path.GetFileName(workspace.Root)}/specs/{Spec}/trace"));
            Assert.Equal(
                ["1.1 verified", "1.2 failing", "2.1 untested", "3.1 uncovered"],
                Regex.Matches(html, """<tr class="(?<state>[a-z]+)">\s*<th scope="row">(?<id>[0-9.]+)</th>""").Select(m => $"{m.Groups["id"].Value} {m.Groups["state"].Value}"));
            Assert.Contains("""<span class="test test-failed">✗ EmptyNamesAreRejected</span>""", html);
            Assert.Contains("""<span class="test test-passed">✓ Feature: evidence, Property 1: Stored workouts are listed</span>""", html);
            Assert.Contains("<strong>failing</strong>", html);
            Assert.Contains("<strong>uncovered</strong>", html);
        }
    }

    [Theory]
    [InlineData("../outside/*.xml")]
    [InlineData("/tmp/*.xml")]
    [InlineData("TestResults/../../outside/*.xml")]
    public async Task A_results_glob_that_leaves_the_workspace_is_refused_before_the_verification_runs(string glob)
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/settings/kiro-mcp.json", JsonSerializer.Serialize(new { verify = new { command = "touch ran", results = glob } }));
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]);
        await WriteSpecAsync(server, "- [ ] 1. Implement WorkoutLog.Add\n  - _Requirements: 1.1_\n");
        await server.CallOkAsync("task_start", new { spec = Spec, taskId = "1" });

        await server.CallErrorAsync("task_complete", new { spec = Spec, taskId = "1" }, "results_outside_workspace");
        Assert.False(File.Exists(workspace.PathOf("ran")));
        Assert.Contains("- [-] 1.", workspace.Read($".kiro/specs/{Spec}/tasks.md"));
    }

    [Theory]
    [InlineData("linked/*.xml")]
    [InlineData("TestResults/*.xml")]
    public async Task Results_reached_through_a_link_that_leads_outside_are_refused_and_nothing_is_recorded(string glob)
    {
        using var workspace = new TempWorkspace();
        // A passing test for every criterion, outside the workspace: a link must not make it this workspace's evidence.
        var outside = Path.Combine(workspace.Parent, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "junit.xml"), """<testsuite name="x"><testcase name="Feature: evidence, Requirements: 1.1, 1.2, 2.1" /></testsuite>""");
        Directory.CreateSymbolicLink(workspace.PathOf("linked"), outside);
        Directory.CreateDirectory(workspace.PathOf("TestResults"));
        File.CreateSymbolicLink(workspace.PathOf("TestResults/junit.xml"), Path.Combine(outside, "junit.xml"));
        // The verification "writes" the results: it touches the file outside, through the link.
        workspace.Write(".kiro/settings/kiro-mcp.json", JsonSerializer.Serialize(new { verify = new { command = $"touch '{Path.Combine(outside, "junit.xml")}'", results = glob } }));
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]);
        await WriteSpecAsync(server, "- [ ] 1. Implement WorkoutLog.Add\n  - _Requirements: 1.1_\n");
        await server.CallOkAsync("task_start", new { spec = Spec, taskId = "1" });

        var message = await server.CallErrorAsync("task_complete", new { spec = Spec, taskId = "1" }, "results_outside_workspace");
        Assert.Contains("stays in progress", message);
        Assert.DoesNotContain("evidence", workspace.Read(Runs));
        Assert.Contains("- [-] 1.", workspace.Read($".kiro/specs/{Spec}/tasks.md"));
        Assert.Equal("covered", (await StatesAsync(server))["1.1"]);
    }

    private static async Task WriteSpecAsync(ServerConnection server, string? tasks = null)
    {
        await server.CallOkAsync("spec_create", new { name = Spec, quick = true });
        await server.CallOkAsync("spec_write", new { spec = Spec, document = "requirements", content = Requirements });
        await server.CallOkAsync("spec_write", new { spec = Spec, document = "design", content = Design });
        await server.CallOkAsync("spec_write", new { spec = Spec, document = "tasks", content = tasks is null ? Tasks : "# Implementation Plan\n\n" + tasks });
    }

    private static async Task<Dictionary<string, string>> StatesAsync(ServerConnection server) =>
        (await server.CallOkAsync("spec_trace", new { spec = Spec })).GetProperty("criteria").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("state").GetString()!);
}
