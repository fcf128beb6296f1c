namespace Kiro.Mcp.Specs.Lifecycle;

/// <summary>A task about to start or just done: its spec, id, title and the status it is moving to (in_progress or done).</summary>
public sealed record TaskEvent(string Spec, string TaskId, string Title, string Status, string By);
