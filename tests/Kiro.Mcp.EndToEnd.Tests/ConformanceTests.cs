using System.Text.Json;
using System.Text.RegularExpressions;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// The official MCP conformance suite (@modelcontextprotocol/conformance, every scenario: --suite all) over
/// HTTP against the real server and against the conformance host (the same pipeline plus the suite's
/// reference fixtures). Each run is checked against its expected-failures baseline in tests/clients/conformance.
/// </summary>
public partial class ConformanceTests
{
    [Fact]
    public async Task Every_generic_scenario_passes_against_the_real_server()
    {
        var run = await RunSuiteAsync(ServerBinary.Path, "real-server.expected-failures.yml");

        var hostBaseline = ReadBaseline("host.expected-failures.yml");
        var fixtureBound = run.Baseline.Except(hostBaseline).ToList();
        Assert.NotEmpty(run.Passed);
        foreach (var scenario in fixtureBound)
        {
            // A fixture-bound scenario may fail here only because the reference fixture it calls is missing.
            var failures = run.Failures.GetValueOrDefault(scenario) ?? [];
            Assert.True(failures.Count > 0, $"{scenario} is listed as fixture-bound but did not fail.");
            Assert.All(failures, message => Assert.Matches(MissingFixture(), message));
        }
    }

    [Fact]
    public async Task Every_scenario_passes_against_the_conformance_host_built_on_the_real_pipeline()
    {
        var run = await RunSuiteAsync(ServerBinary.ConformanceHostPath, "host.expected-failures.yml");

        // Everything but the explained baseline passes, the fixture-bound scenarios included.
        Assert.Equal(run.Scenarios.Except(run.Baseline).Order(), run.Passed.Order());
        var fixtureBound = ReadBaseline("real-server.expected-failures.yml").Except(run.Baseline).ToList();
        Assert.All(fixtureBound, scenario => Assert.Contains(scenario, run.Passed));
    }

    /// <summary>Runs every scenario against a freshly started server and checks the outcome against the baseline.</summary>
    private static async Task<SuiteRun> RunSuiteAsync(string binary, string baselineFile)
    {
        using var workspace = new TempWorkspace();
        var results = Path.Combine(workspace.Parent, "results");
        var baselinePath = Path.Combine(NodeClients.Folder, "conformance", baselineFile);
        var (server, stderr, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, [], binary);
        NodeRun run;
        try
        {
            run = await NodeClients.RunAsync(Cli, ["server", "--url", endpoint.ToString(), "--suite", "all", "--expected-failures", baselinePath, "-o", results], workspace.Parent);
        }
        finally
        {
            ServerConnection.Stop(server);
        }

        var listed = await ListScenariosAsync(workspace.Parent);
        var outcomes = ReadResults(results);
        var baseline = ReadBaseline(baselineFile);
        var failures = outcomes.Where(o => o.Value.Count > 0).ToDictionary(o => o.Key, o => o.Value);
        var failureReport = string.Join("\n", failures.Select(f => $"  {f.Key}: {string.Join(" | ", f.Value)}"));
        var context = $"{outcomes.Count} scenarios, {failures.Count} failing:\n{failureReport}\n\nsuite output:\n{run}\n\nserver log:\n{string.Join('\n', stderr)}";

        // Every scenario the suite knows was run and counted, and it failed exactly where the baseline says.
        Assert.True(listed.Order().SequenceEqual(outcomes.Keys.Order()), $"The suite lists {string.Join(", ", listed)} but results exist for {string.Join(", ", outcomes.Keys)}.\n{context}");
        Assert.True(baseline.Order().SequenceEqual(failures.Keys.Order()), $"Failures differ from {baselineFile} ({string.Join(", ", baseline)}).\n{context}");
        Assert.True(run.ExitCode == 0, $"The suite's baseline check failed.\n{context}");
        return new SuiteRun(listed, baseline, outcomes.Where(o => o.Value.Count == 0).Select(o => o.Key).ToList(), failures);
    }

    private static string Cli => NodeClients.Package("@modelcontextprotocol/conformance/dist/index.js");

    /// <summary>The server scenarios of the installed suite version: lines "  - name [versions]".</summary>
    private static async Task<List<string>> ListScenariosAsync(string scratch)
    {
        var run = await NodeClients.RunAsync(Cli, ["list", "--server"], scratch);
        Assert.True(run.ExitCode == 0, run.ToString());
        var scenarios = ListedScenario().Matches(run.Stdout).Select(m => m.Groups[1].Value).ToList();
        Assert.True(scenarios.Count > 0, run.ToString());
        return scenarios;
    }

    /// <summary>Each scenario's failed checks (FAILURE, or WARNING, which a baseline run counts as failing), by scenario name.</summary>
    private static Dictionary<string, List<string>> ReadResults(string results)
    {
        var outcomes = new Dictionary<string, List<string>>();
        foreach (var folder in Directory.EnumerateDirectories(results))
        {
            // Folders are named server-<scenario>-<timestamp>.
            var scenario = ResultFolder().Match(Path.GetFileName(folder)).Groups[1].Value;
            using var checks = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "checks.json")));
            outcomes[scenario] = checks.RootElement.EnumerateArray()
                .Where(c => c.GetProperty("status").GetString() is "FAILURE" or "WARNING")
                .Select(c => $"{c.GetProperty("id").GetString()}: {(c.TryGetProperty("errorMessage", out var m) ? m.GetString() : c.GetProperty("status").GetString())}")
                .ToList();
        }
        return outcomes;
    }

    /// <summary>The scenario names of a baseline file: YAML "server:" followed by "  - name" items.</summary>
    private static List<string> ReadBaseline(string baselineFile) =>
        BaselineEntry().Matches(File.ReadAllText(Path.Combine(NodeClients.Folder, "conformance", baselineFile))).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"^\s+- ([a-z0-9-]+) \[", RegexOptions.Multiline)]
    private static partial Regex ListedScenario();

    [GeneratedRegex(@"^server-(.+)-\d{4}-\d{2}-\d{2}T")]
    private static partial Regex ResultFolder();

    [GeneratedRegex(@"^  - ([a-z0-9-]+)", RegexOptions.Multiline)]
    private static partial Regex BaselineEntry();

    /// <summary>
    /// How the SDK and the suite say a named tool, prompt or resource does not exist. server-sse-polling
    /// calls test_reconnection, which ends its stream mid-call with a retry hint; without that tool no
    /// stream ends early, so its checks report the missing hint and the missing resumed result instead.
    /// </summary>
    [GeneratedRegex(@"Unknown (tool|prompt|resource URI): '(test_\w+|test://[^']+)'|Tool 'json_schema_2020_12_tool' not found|Server did not send (retry field|tool response after client reconnected)")]
    private static partial Regex MissingFixture();

    private sealed record SuiteRun(List<string> Scenarios, List<string> Baseline, List<string> Passed, Dictionary<string, List<string>> Failures);
}
