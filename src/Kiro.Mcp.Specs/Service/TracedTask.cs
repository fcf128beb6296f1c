namespace Kiro.Mcp.Specs.Service;

/// <summary>A task as it appears in a trace; <see cref="Status"/> is not_started, queued, in_progress or done.</summary>
public sealed record TracedTask(string Id, string Title, string Status);
