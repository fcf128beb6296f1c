namespace Kiro.Mcp.Specs.Service;

/// <summary>One acceptance criterion and everything that refers to it.</summary>
/// <param name="Properties">"Property N: Title" of the design properties whose Validates line names this criterion.</param>
public sealed record CriterionTrace(string Id, string Requirement, string Text, IReadOnlyList<TracedTask> Tasks, IReadOnlyList<string> Properties);
