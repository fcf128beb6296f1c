using Kiro.Mcp.Specs.Evidence;

namespace Kiro.Mcp.Specs.Service;

/// <summary>One acceptance criterion and everything that refers to it.</summary>
/// <param name="Properties">"Property N: Title" of the design properties whose Validates line names this criterion.</param>
public sealed record CriterionTrace(string Id, string Requirement, string Text, IReadOnlyList<TracedTask> Tasks, IReadOnlyList<string> Properties)
{
    /// <summary>
    /// "failing" or "verified" by the criterion's latest recorded test evidence; else "uncovered" (no task cites it),
    /// "untested" (a task does, and tests speak for the spec but none for this criterion) or "covered" (a task does; no
    /// test evidence is recorded for the spec yet).
    /// </summary>
    public string State { get; init; } = "uncovered";

    /// <summary>The tests of the latest recorded evidence that names this criterion; null when none does.</summary>
    public CriterionEvidence? Evidence { get; init; }
}
