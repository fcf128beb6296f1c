namespace Kiro.Mcp.Specs.Documents;

/// <summary>
/// "### Requirement N[: Title]" with its user story and acceptance criteria. In a bugfix document the
/// three analysis sections are requirements 1 (current behaviour), 2 (expected) and 3 (unchanged).
/// </summary>
/// <param name="Id">"1", "2", ... as written in the heading.</param>
/// <param name="Title">The text after "Requirement N:", or the bugfix section's heading; null when absent.</param>
/// <param name="UserStory">The text after "**User Story:**", null when absent.</param>
public sealed record Requirement(string Id, string? Title, string? UserStory, IReadOnlyList<Criterion> Criteria, int Line);
