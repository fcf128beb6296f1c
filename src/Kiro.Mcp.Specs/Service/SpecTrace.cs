namespace Kiro.Mcp.Specs.Service;

/// <summary>Criterion → the tasks that cite it and the design properties that validate it, a page at a time.</summary>
/// <param name="Total">How many criteria the whole trace has (after the requirement filter).</param>
/// <param name="NextCursor">Pass back as <c>cursor</c> for the next page; null on the last one.</param>
public sealed record SpecTrace(string Spec, IReadOnlyList<CriterionTrace> Criteria, int Total, string? NextCursor);
