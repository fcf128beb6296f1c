using System.CommandLine;
using Kiro.Mcp.Server.Checks;
using Kiro.Mcp.Specs.Checks;
using Kiro.Mcp.Specs.Evidence;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Specs.Validation;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// <c>kiro-mcp check [SPEC…]</c>: the specs' checks as a plain command for CI, with no MCP and no web host started.
/// Exit 0 when clean, 1 when a finding reaches --fail-on, 2 when the check could not run (usage, unknown spec, I/O).
/// </summary>
public static class CheckCommands
{
    public const string Name = "check";

    public static Command Check()
    {
        var specs = new Argument<string[]>("SPEC") { Description = "The specs to check; all of them when none is named.", Arity = ArgumentArity.ZeroOrMore };
        var workspace = new Option<DirectoryInfo>("--workspace", "-w") { Description = "The repository. Default: the current directory." };
        var format = new Option<CheckFormat>("--format", "-f") { Description = "text, json, sarif, github (workflow annotations) or junit. Default text." };
        var failOn = new Option<string>("--fail-on") { Description = "The least severe finding that fails the run: error or warning. Default error.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var requireApproved = new Option<bool>("--require-approved") { Description = "Fail a spec whose tasks have started while a document is not approved as it stands (quick specs have no approvals)." };
        var drift = new Option<bool>("--drift") { Description = "Fail done tasks whose criteria or design changed after they were completed." };
        var coverage = new Option<bool>("--coverage") { Description = "Fail acceptance criteria that no task cites, and (with --tests, once a test speaks for the spec) that no passing test validates." };
        var tests = new Option<FileInfo[]>("--tests")
        {
            Description = "Test results (JUnit XML or TRX) whose tagged tests are evidence: 'Feature: <spec>, Property <N>: …' or 'Feature: <spec>, Requirements: 1.2'. Repeat for several files.",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };

        var check = new Command(Name, "Check the specs as a CI gate: the linter's findings plus the gates chosen, in a format for people or for CI.")
        {
            specs, workspace, format, failOn, output, requireApproved, drift, coverage, tests,
        };
        check.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(specs) ?? [],
            result.GetValue(workspace)?.FullName ?? Environment.CurrentDirectory,
            new CheckGates(result.GetValue(requireApproved), result.GetValue(drift), result.GetValue(coverage)),
            result.GetValue(format),
            result.GetValue(failOn) == "warning" ? FindingSeverity.Warning : FindingSeverity.Error,
            result.GetValue(output),
            result.GetValue(tests) ?? [],
            cancellationToken));
        return check;
    }

    private static async Task<int> RunAsync(string[] names, string root, CheckGates gates, CheckFormat format, FindingSeverity failOn, FileInfo? output, FileInfo[] testFiles, CancellationToken cancellationToken)
    {
        CheckReport report;
        try
        {
            // Results files are the CI's own build output, named on the command line: read wherever they are.
            var tests = testFiles.SelectMany(f => TestResultsReader.Read(f.FullName)).ToList();
            var store = new FileStore(new WorkspaceRoot(root));
            var checker = new SpecChecker(new SpecService(store, new SpecIndex(), TimeProvider.System));
            report = await checker.CheckAsync(names, gates, tests, cancellationToken);
        }
        catch (Exception e) when (e is KiroException or IOException or UnauthorizedAccessException or ArgumentException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"kiro-mcp check: {e.Message}");
            return 2;
        }
        try
        {
            await using var stream = output is null ? Console.OpenStandardOutput() : new FileStream(output.FullName, FileMode.Create, FileAccess.Write);
            CheckReportFormats.Write(report, format, failOn, stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"kiro-mcp check: cannot write the report: {e.Message}");
            return 2;
        }
        return report.FailsAt(failOn) ? 1 : 0;
    }
}
