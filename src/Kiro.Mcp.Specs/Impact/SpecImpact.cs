namespace Kiro.Mcp.Specs.Impact;

/// <summary>How one spec's documents changed, and which of its done tasks that puts in doubt.</summary>
/// <param name="Documents">"requirements.md: modified", "tasks.md: added", …</param>
/// <param name="CriteriaReworded">Criteria whose id stayed and whose text changed.</param>
/// <param name="DesignSections">"Components and Interfaces > WorkoutLog: changed", "Caching: added", …</param>
/// <param name="TasksReopened">Tasks done at the base and not done at the head.</param>
/// <param name="NeedsRecheck">Tasks done at the head that cite a criterion this change rewords or removes.</param>
public sealed record SpecImpact(
    string Spec,
    IReadOnlyList<string> Documents,
    IReadOnlyList<string> CriteriaAdded,
    IReadOnlyList<string> CriteriaRemoved,
    IReadOnlyList<string> CriteriaReworded,
    IReadOnlyList<string> DesignSections,
    IReadOnlyList<string> TasksAdded,
    IReadOnlyList<string> TasksRemoved,
    IReadOnlyList<string> TasksReopened,
    IReadOnlyList<TaskReference> NeedsRecheck);
