namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// One checkbox line of tasks.md, e.g. <c>  - [ ]* 2.2 Write unit tests</c>, with the detail bullets under it.
/// </summary>
/// <param name="Id">"2.2" (the trailing dot of "1." is dropped).</param>
/// <param name="ParentId">"2" for "2.2"; null for a top-level task. Derived from the id, so flush-left sub-tasks work.</param>
/// <param name="Optional">The <c>*</c> right after the checkbox.</param>
/// <param name="Checkpoint">The title starts with "Checkpoint".</param>
/// <param name="Requirements">Criterion ids from <c>_Requirements: 1.1, 2.3_</c> detail lines and <c>**Validates: Requirements ...**</c>.</param>
/// <param name="Details">The detail bullets' text, in order, without their "- " marker.</param>
/// <param name="Line">The task line (1-based).</param>
/// <param name="StatusOffset">Offset of the single status character between the brackets.</param>
/// <param name="RequirementsLine">The line of the first <c>_Requirements:</c> detail, or 0.</param>
public sealed record TaskItem(
    string Id,
    string? ParentId,
    string Title,
    TaskStatus Status,
    bool Optional,
    bool Checkpoint,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<string> Details,
    int Line,
    int StatusOffset,
    int RequirementsLine);
