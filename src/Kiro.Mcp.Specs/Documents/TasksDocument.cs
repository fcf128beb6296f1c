namespace Kiro.Mcp.Specs.Documents;

/// <summary>The parsed form of tasks.md: tasks in document order.</summary>
public sealed record TasksDocument(IReadOnlyList<TaskItem> Tasks, IReadOnlyList<MalformedLine> Malformed, IReadOnlyList<Heading> Headings);
