using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Specs.Checks;

/// <summary>What <see cref="SpecChecker"/> found in the specs it checked, in spec order, then file, then line.</summary>
public sealed record CheckReport(IReadOnlyList<string> Specs, IReadOnlyList<CheckFinding> Findings)
{
    public int Count(FindingSeverity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>True when a finding is at least as severe as <paramref name="failOn"/> (error, or error and warning).</summary>
    public bool FailsAt(FindingSeverity failOn) => Findings.Any(f => f.Severity <= failOn);
}
