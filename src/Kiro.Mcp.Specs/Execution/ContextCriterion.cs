namespace Kiro.Mcp.Specs.Execution;

/// <summary>An acceptance criterion a task implements, with the requirement and user story it belongs to.</summary>
public sealed record ContextCriterion(string Id, string Text, string Requirement, string? UserStory);
