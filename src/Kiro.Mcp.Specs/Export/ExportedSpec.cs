namespace Kiro.Mcp.Specs.Export;

/// <summary>The whole spec as <c>spec_export(format: "json")</c> returns it.</summary>
/// <param name="Id">The spec's name, which is also the prefix of every item id (see <see cref="ExportIds"/>).</param>
/// <param name="SpecId">Kiro's own id from .config.kiro; it survives a rename.</param>
/// <param name="Approvals">Document → "none", "approved" or "stale".</param>
public sealed record ExportedSpec(
    string Id,
    string SpecId,
    string Type,
    string Workflow,
    string Phase,
    IReadOnlyDictionary<string, string> Approvals,
    IReadOnlyList<ExportedRequirement> Requirements,
    IReadOnlyList<ExportedTask> Tasks);

/// <summary>A requirement (or a bugfix analysis section) with its criteria.</summary>
public sealed record ExportedRequirement(string Id, string Number, string? Title, string? UserStory, IReadOnlyList<ExportedCriterion> Criteria);

/// <summary>An acceptance criterion and the ids of the tasks that implement it.</summary>
public sealed record ExportedCriterion(string Id, string Number, string Text, IReadOnlyList<string> Tasks);

/// <summary>A task of tasks.md.</summary>
/// <param name="Status">not_started, queued, in_progress or done.</param>
/// <param name="Criteria">Ids of the criteria the task cites (a requirement cited whole expands to all its criteria).</param>
/// <param name="Parent">The parent task's id; null for a top-level task, and for "1.1" when tasks.md has no task 1.</param>
/// <param name="DependsOn">Ids of the tasks it waits for.</param>
public sealed record ExportedTask(
    string Id,
    string Number,
    string? Parent,
    string Title,
    string Status,
    bool Optional,
    bool Checkpoint,
    IReadOnlyList<string> Criteria,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> Details);
