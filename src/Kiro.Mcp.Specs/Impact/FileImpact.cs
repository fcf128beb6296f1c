namespace Kiro.Mcp.Specs.Impact;

/// <summary>A changed code file and the completed tasks whose runs changed it before (from <c>.runs.json</c>).</summary>
public sealed record FileImpact(string Path, IReadOnlyList<TaskReference> Tasks);
