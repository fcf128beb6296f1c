namespace Kiro.Mcp.Specs.Export;

/// <summary>
/// One GitHub issue for a top-level task, in the shape of GitHub's create-issue API
/// (title, body, labels) plus the task's stable id and whether the issue should be open or closed.
/// </summary>
public sealed record GithubIssue(string Id, string Title, string Body, IReadOnlyList<string> Labels, string State);
