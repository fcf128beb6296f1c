namespace Kiro.Mcp.Specs.Service;

/// <summary>One line of <c>spec_list</c>.</summary>
/// <param name="Approvals">Each document of the workflow, in order, with "none", "approved" or "stale".</param>
public sealed record SpecSummary(
    string Name,
    string Type,
    string Workflow,
    bool Quick,
    string Phase,
    IReadOnlyDictionary<string, string> Approvals,
    TaskCounts Tasks);
