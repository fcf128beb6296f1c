namespace Kiro.Mcp.Specs.Service;

/// <summary>A page of a spec's tasks in document order; pass <see cref="NextCursor"/> back for the next page.</summary>
public sealed record TaskPage(string Spec, IReadOnlyList<TaskView> Tasks, int Total, string? NextCursor);
