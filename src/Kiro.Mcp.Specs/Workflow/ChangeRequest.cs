namespace Kiro.Mcp.Specs.Workflow;

/// <summary>
/// A reviewer declined a version of a document and said what should change. It holds while that version
/// is current: a new version written after it answers it.
/// </summary>
public sealed record ChangeRequest(string Version, Actor By, DateTimeOffset At, string Comment);
