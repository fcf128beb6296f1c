using Kiro.Mcp.Specs.Service;

namespace Kiro.Mcp.Specs.Execution;

/// <summary>
/// Everything an assistant needs to do one task, within about 8,000 tokens: the task and its details,
/// the criteria it implements, the relevant design sections, the steering that applies, and Kiro's rules.
/// </summary>
/// <param name="Truncated">True when design or steering text was cut to stay within the budget; read the rest with spec_read.</param>
public sealed record TaskContext(
    string Spec,
    TaskView Task,
    IReadOnlyList<string> Details,
    IReadOnlyList<ContextCriterion> Criteria,
    IReadOnlyList<ContextSection> Design,
    IReadOnlyList<ContextSection> Steering,
    IReadOnlyList<string> Rules,
    bool Truncated);
