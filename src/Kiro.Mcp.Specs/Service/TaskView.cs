namespace Kiro.Mcp.Specs.Service;

/// <summary>One task as the task tools return it.</summary>
/// <param name="Status">not_started, queued, in_progress or done: always what tasks.md says now.</param>
/// <param name="DependsOn">The tasks it waits for: explicit _Depends:, its required sub-tasks, or (for a checkpoint) the tasks above it.</param>
public sealed record TaskView(
    string Id,
    string Title,
    string Status,
    bool Optional,
    bool Checkpoint,
    string? ParentId,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<string> DependsOn,
    int Line);
