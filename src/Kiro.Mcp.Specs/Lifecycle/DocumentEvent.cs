namespace Kiro.Mcp.Specs.Lifecycle;

/// <summary>An approval just recorded: the spec, the document (requirements, bugfix, design, tasks), its file, version and approver.</summary>
public sealed record DocumentEvent(string Spec, string Document, string File, string Version, string By);
