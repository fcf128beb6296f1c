using System.Text.Json.Serialization;

namespace Kiro.Mcp.Server.Checks;

// The part of SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) that a code-scanning upload reads: one run,
// its tool with a rule per finding code, and results located by file and line. A test validates the output against
// the official schema. Written by hand rather than with Sarif.Sdk: that package serialises through Newtonsoft's
// reflection, which the Native AOT server cannot carry, and we emit a dozen fields of it.

internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

internal sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results);

internal sealed record SarifTool(SarifDriver Driver);

internal sealed record SarifDriver(string Name, string Version, string InformationUri, IReadOnlyList<SarifRule> Rules);

internal sealed record SarifRule(string Id, SarifMessage ShortDescription);

internal sealed record SarifResult(string RuleId, int RuleIndex, string Level, SarifMessage Message, IReadOnlyList<SarifLocation> Locations);

internal sealed record SarifMessage(string Text);

internal sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region);

internal sealed record SarifArtifactLocation(string Uri, string UriBaseId);

internal sealed record SarifRegion(int StartLine);
