using Kiro.Mcp.Steering.Documents;

namespace Kiro.Mcp.Steering.Service;

/// <summary>One steering document in a listing.</summary>
/// <param name="Source">workspace, global or agents.</param>
/// <param name="Inclusion">always, fileMatch, manual or auto.</param>
public sealed record SteeringSummary(
    string Name,
    string Source,
    string Path,
    string Inclusion,
    IReadOnlyList<string> Patterns,
    string? Description,
    string Version,
    IReadOnlyList<SteeringFinding> Findings);
