namespace Kiro.Mcp.Specs.Service;

/// <summary>Criterion → the tasks that cite it and the design properties that validate it.</summary>
public sealed record SpecTrace(string Spec, IReadOnlyList<CriterionTrace> Criteria);
