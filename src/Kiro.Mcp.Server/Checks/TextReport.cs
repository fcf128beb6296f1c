using Kiro.Mcp.Specs.Checks;
using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Server.Checks;

/// <summary><c>file:line: severity code: message</c> per finding, the way compilers print, then one summary line.</summary>
internal static class TextReport
{
    public static void Write(CheckReport report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            var place = finding.Line > 0 ? $"{finding.File}:{finding.Line}" : finding.File;
            output.WriteLine($"{place}: {CheckReportFormats.Severity(finding.Severity)} {finding.Code}: {finding.Message}");
            output.WriteLine($"    {finding.Hint}");
        }
        var specs = report.Specs.Count == 1 ? "1 spec" : $"{report.Specs.Count} specs";
        output.WriteLine($"{specs} checked: {Plural(report.Count(FindingSeverity.Error), "error")}, {Plural(report.Count(FindingSeverity.Warning), "warning")}, {Plural(report.Count(FindingSeverity.Info), "note")}.");
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
