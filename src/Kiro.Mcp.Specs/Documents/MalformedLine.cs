namespace Kiro.Mcp.Specs.Documents;

/// <summary>A line that looks like a task but cannot be read as one (no id, unknown checkbox state, ...).</summary>
public sealed record MalformedLine(int Line, string Text, string Reason);
