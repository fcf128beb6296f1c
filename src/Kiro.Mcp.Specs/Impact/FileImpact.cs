namespace Kiro.Mcp.Specs.Impact;

/// <summary>A changed code file and the completed tasks whose runs changed it before (from the run log, <c>.runs.jsonl</c>).</summary>
public sealed record FileImpact(string Path, IReadOnlyList<TaskReference> Tasks);
