using Kiro.Mcp.Specs.Checks;
using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Server.Checks;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,title=…::message</c>): each finding becomes an annotation
/// on its line in the pull request's diff. Values are escaped as the runner expects, so a message cannot end the
/// command early or start a new one (a spec is repository content: hostile until proven otherwise).
/// </summary>
internal static class GithubAnnotations
{
    public static void Write(CheckReport report, TextWriter output)
    {
        foreach (var finding in report.Findings)
        {
            var command = finding.Severity switch
            {
                FindingSeverity.Error => "error",
                FindingSeverity.Warning => "warning",
                _ => "notice",
            };
            var line = finding.Line > 0 ? $",line={finding.Line}" : "";
            output.WriteLine($"::{command} file={Property(finding.File)}{line},title={Property($"{finding.Spec}: {finding.Code}")}::{Data($"{finding.Message} {finding.Hint}")}");
        }
    }

    /// <summary>The runner's escaping of a command's message: %, CR and LF.</summary>
    public static string Data(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value also escapes ':' and ',', which separate properties.</summary>
    public static string Property(string value) =>
        Data(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
