using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Specs.Service;

/// <summary>All of one spec's findings (not capped as <see cref="SpecValidation"/> is) and the snapshot they were found in.</summary>
public sealed record SpecFindings(SpecSnapshot Snapshot, IReadOnlyList<Finding> Findings, Coverage Coverage);
