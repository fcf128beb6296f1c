namespace Kiro.Mcp.Specs.Evidence;

/// <summary>What a set of test results proves about one spec's criteria.</summary>
/// <param name="Criteria">Criterion id → its tests; only criteria some test cites.</param>
/// <param name="Unknown">Tags that name this spec but a property or criterion it does not have ("Property 9", "criterion 7.1"), with the test.</param>
public sealed record SpecEvidence(IReadOnlyDictionary<string, CriterionEvidence> Criteria, IReadOnlyList<string> Unknown)
{
    public static SpecEvidence None { get; } = new(new Dictionary<string, CriterionEvidence>(), []);

    /// <summary>Whether any test speaks for this spec at all; until one does, a criterion without tests is not a finding.</summary>
    public bool Exists => Criteria.Count > 0;

    public string StateOf(string criterion) => Criteria.TryGetValue(criterion, out var evidence) ? evidence.State : "untested";
}
