using System.Text.Json.Serialization;

namespace Kiro.Mcp.Specs.Evidence;

/// <summary>The tests that speak for one acceptance criterion, by name.</summary>
public sealed record CriterionEvidence(IReadOnlyList<string> Passed, IReadOnlyList<string> Failed)
{
    /// <summary>"failing" when any linked test failed, "verified" when some passed and none failed, else "untested".</summary>
    // Derived, so never stored (.runs.jsonl) or sent twice (spec_trace carries the criterion's state beside it).
    [JsonIgnore]
    public string State => Failed.Count > 0 ? "failing" : Passed.Count > 0 ? "verified" : "untested";
}
