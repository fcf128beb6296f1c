using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Specs.Service;

/// <summary>A task as it appears in a trace, with the commits and files its completed runs produced.</summary>
/// <param name="Status">not_started, queued, in_progress or done.</param>
public sealed record TracedTask(string Id, string Title, string Status, IReadOnlyList<GitCommit> Commits, IReadOnlyList<string> Files);
