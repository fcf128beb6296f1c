using Kiro.Mcp.Specs.Evidence;

namespace Kiro.Mcp.Specs.Execution;

/// <summary>
/// What the test results a run's verification wrote (<c>verify.results</c>) said of the spec's criteria, kept in
/// the run log (.runs.jsonl) so that spec_trace and the trace view show each criterion's latest evidence.
/// </summary>
/// <param name="At">When the results were read: the latest evidence of a criterion wins.</param>
/// <param name="Files">The results files read, workspace-relative.</param>
/// <param name="Criteria">Criterion id → the tagged tests that passed and failed, at most <see cref="MaxNames"/> names of each.</param>
public sealed record RunEvidence(DateTimeOffset At, IReadOnlyList<string> Files, IReadOnlyDictionary<string, CriterionEvidence> Criteria)
{
    /// <summary>Enough names to find the tests; the file is committed, so a suite of thousands is not copied into it.</summary>
    public const int MaxNames = 10;

    public const int MaxNameLength = 200;

    public static RunEvidence Of(DateTimeOffset at, IReadOnlyList<string> files, SpecEvidence evidence) =>
        new(at, files, evidence.Criteria.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(
            c => c.Key,
            c => new CriterionEvidence(Names(c.Value.Passed), Names(c.Value.Failed)),
            StringComparer.Ordinal));

    private static List<string> Names(IReadOnlyList<string> names) =>
        names.Distinct(StringComparer.Ordinal).Take(MaxNames).Select(n => n.Length > MaxNameLength ? n[..MaxNameLength] + "…" : n).ToList();
}
