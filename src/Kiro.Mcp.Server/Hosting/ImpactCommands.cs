using System.CommandLine;
using System.Text.Json;
using Kiro.Mcp.Server.Checks;
using Kiro.Mcp.Specs.Impact;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// <c>kiro-mcp impact --base REF [--head REF]</c>: what a change does to the specs, as Markdown for a pull-request comment
/// or as JSON. Exit 0 with a report, 2 when it cannot be made (unknown revision, not a repository, I/O).
/// </summary>
public static class ImpactCommands
{
    public const string Name = "impact";

    public static Command Impact()
    {
        var baseRevision = new Option<string>("--base") { Description = "The revision the change starts from: a branch, tag or sha (in a pull request, its base branch).", Required = true };
        var headRevision = new Option<string?>("--head") { Description = "The revision the change ends at. Default HEAD." };
        var workspace = new Option<DirectoryInfo>("--workspace", "-w") { Description = "The repository. Default: the current directory." };
        var format = new Option<string>("--format", "-f") { Description = "markdown (a pull-request comment) or json. Default markdown.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var impact = new Command(Name, "Report what a change does to the specs: documents and criteria changed, tasks to recheck, code that earlier tasks wrote.")
        {
            baseRevision, headRevision, workspace, format, output,
        };
        impact.SetAction((result, _) => Task.FromResult(Run(
            result.GetValue(baseRevision)!, result.GetValue(headRevision), result.GetValue(workspace)?.FullName ?? Environment.CurrentDirectory,
            result.GetValue(format) == "json", result.GetValue(output))));
        return impact;
    }

    private static int Run(string baseRevision, string? headRevision, string root, bool json, FileInfo? output)
    {
        ImpactReport report;
        try
        {
            report = new ImpactAnalyzer(new GitHistory(new WorkspaceRoot(root))).Analyze(baseRevision, headRevision);
        }
        catch (Exception e) when (e is KiroException or IOException or UnauthorizedAccessException or LibGit2Sharp.LibGit2SharpException)
        {
            Console.Error.WriteLine($"kiro-mcp impact: {e.Message}");
            return 2;
        }
        try
        {
            using var stream = output is null ? Console.OpenStandardOutput() : new FileStream(output.FullName, FileMode.Create, FileAccess.Write);
            if (json)
            {
                JsonSerializer.Serialize(stream, report, CheckJsonContext.Default.ImpactReport);
                stream.WriteByte((byte)'\n');
            }
            else
            {
                using var writer = new StreamWriter(stream, leaveOpen: true) { NewLine = "\n" };
                ImpactMarkdown.Write(report, writer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"kiro-mcp impact: cannot write the report: {e.Message}");
            return 2;
        }
        return 0;
    }
}
