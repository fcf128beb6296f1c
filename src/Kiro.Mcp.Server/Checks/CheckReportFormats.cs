using System.Text.Json;
using Kiro.Mcp.Specs.Checks;
using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Server.Checks;

/// <summary>Writes a <see cref="CheckReport"/> in the chosen <see cref="CheckFormat"/>: the one place that chooses.</summary>
internal static class CheckReportFormats
{
    public static void Write(CheckReport report, CheckFormat format, FindingSeverity failOn, Stream output)
    {
        if (format is CheckFormat.Json or CheckFormat.Sarif)
        {
            if (format == CheckFormat.Json)
            {
                JsonSerializer.Serialize(output, report, CheckJsonContext.Default.CheckReport);
            }
            else
            {
                SarifReport.Write(report, output);
            }
            output.WriteByte((byte)'\n');
            output.Flush();
            return;
        }
        using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\n" };
        switch (format)
        {
            case CheckFormat.Github:
                GithubAnnotations.Write(report, writer);
                break;
            case CheckFormat.Junit:
                JunitReport.Write(report, failOn, writer);
                writer.WriteLine();
                break;
            default:
                TextReport.Write(report, writer);
                break;
        }
    }

    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };
}
