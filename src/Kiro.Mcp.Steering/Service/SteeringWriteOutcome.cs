using Kiro.Mcp.Steering.Documents;

namespace Kiro.Mcp.Steering.Service;

/// <summary>A written steering file: its new version, how it will be included, and any findings.</summary>
public sealed record SteeringWriteOutcome(
    string Name,
    string Path,
    string Version,
    string Inclusion,
    IReadOnlyList<string> Patterns,
    string? Description,
    IReadOnlyList<SteeringFinding> Findings,
    string NextStep);
