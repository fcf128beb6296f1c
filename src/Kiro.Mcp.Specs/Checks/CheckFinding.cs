using Kiro.Mcp.Specs.Validation;

namespace Kiro.Mcp.Specs.Checks;

/// <summary>One finding as a CI report needs it: which spec, which file (relative to the repository root, with '/'), which line.</summary>
/// <param name="Line">1-based; 0 when the finding is about the whole file.</param>
public sealed record CheckFinding(string Spec, string File, int Line, FindingSeverity Severity, string Code, string Message, string Hint);
