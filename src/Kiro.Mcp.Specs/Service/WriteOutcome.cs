using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Specs.Service;

/// <summary>The result of <c>spec_write</c>: the new version, what the validator says about the document, and the next step.</summary>
public sealed record WriteOutcome(string Spec, string Document, string Version, IReadOnlyList<Finding> Findings, string NextStep);
