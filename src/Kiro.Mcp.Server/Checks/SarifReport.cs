using System.Text.Json;
using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Specs.Checks;
using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Server.Checks;

/// <summary>The report as SARIF 2.1.0: a rule per finding code, a result per finding, paths relative to the repository root.</summary>
internal static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(CheckReport report, Stream output)
    {
        var codes = report.Findings.Select(f => f.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rules = codes.Select(c => new SarifRule(c, new SarifMessage(c.Replace('_', ' ')))).ToList();
        var results = report.Findings.Select(f => new SarifResult(
            f.Code,
            codes.IndexOf(f.Code),
            f.Severity switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "note" },
            new SarifMessage($"{f.Message} {f.Hint}"),
            [new SarifLocation(new SarifPhysicalLocation(
                new SarifArtifactLocation(RelativeUri(f.File), "%SRCROOT%"),
                f.Line > 0 ? new SarifRegion(f.Line) : null))])).ToList();
        var log = new SarifLog(SchemaUri, "2.1.0",
            [new SarifRun(new SarifTool(new SarifDriver(KiroMcpRegistration.ServerName, KiroMcpRegistration.Version, "https://kiro.dev", rules)), results)]);
        JsonSerializer.Serialize(output, log, CheckJsonContext.Default.SarifLog);
    }

    /// <summary>A relative URI reference: each path segment percent-encoded, so a folder named "a b#c" stays one path.</summary>
    private static string RelativeUri(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
