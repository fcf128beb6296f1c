using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Specs.Service;

/// <summary>The result of <c>spec_validate</c>: counts, the first findings (bounded for the token budget), and coverage.</summary>
/// <param name="TotalFindings">All findings; <see cref="Findings"/> holds at most <see cref="SpecService.MaxFindings"/> of them.</param>
public sealed record SpecValidation(string Spec, int Errors, int Warnings, int TotalFindings, IReadOnlyList<Finding> Findings, Coverage Coverage);
