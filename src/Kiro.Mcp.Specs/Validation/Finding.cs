namespace Kiro.Mcp.Specs.Validation;

/// <summary>One deterministic lint result.</summary>
/// <param name="Code">Stable identifier, see <see cref="FindingCodes"/>.</param>
/// <param name="Document">"requirements", "bugfix", "design" or "tasks".</param>
/// <param name="Line">1-based line, 0 when the finding is about the whole document.</param>
/// <param name="Hint">What to write instead: one sentence a model can act on.</param>
public sealed record Finding(FindingSeverity Severity, string Code, string Document, int Line, string Message, string Hint);
