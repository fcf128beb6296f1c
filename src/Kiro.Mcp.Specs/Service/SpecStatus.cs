using Kiro.Mcp.Specs.Execution;

namespace Kiro.Mcp.Specs.Service;

/// <summary>Where a spec stands and the one thing to do next.</summary>
/// <param name="NeedsRecheck">Done tasks whose criteria or design sections changed after they were completed.</param>
/// <param name="Phase">The document being written or reviewed ("requirements", "bugfix", "design", "tasks"), then "implementation", then "done".</param>
public sealed record SpecStatus(
    string Spec,
    string Type,
    string Workflow,
    bool Quick,
    string Phase,
    IReadOnlyList<DocumentState> Documents,
    TaskCounts Tasks,
    IReadOnlyList<TaskRecheck> NeedsRecheck,
    string NextAction);
