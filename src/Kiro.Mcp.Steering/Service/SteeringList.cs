namespace Kiro.Mcp.Steering.Service;

/// <summary>Every steering document that applies to the workspace, and the files that could not be read.</summary>
public sealed record SteeringList(IReadOnlyList<SteeringSummary> Documents, IReadOnlyList<SkippedFile> Skipped);
