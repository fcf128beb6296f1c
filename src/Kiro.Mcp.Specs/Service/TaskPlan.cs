using Kiro.Mcp.Specs.Planning;

namespace Kiro.Mcp.Specs.Service;

/// <summary>The dependency graph of a spec's tasks: edges, parallel waves, the critical path, errors and warnings.</summary>
/// <param name="Waves">Task ids by wave: every task in a wave depends only on tasks in earlier waves.</param>
/// <param name="Warnings">Tasks in one wave that name the same file (running them in parallel may collide).</param>
public sealed record TaskPlan(
    string Spec,
    IReadOnlyList<TaskEdge> Edges,
    IReadOnlyList<IReadOnlyList<string>> Waves,
    IReadOnlyList<string> CriticalPath,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings);
