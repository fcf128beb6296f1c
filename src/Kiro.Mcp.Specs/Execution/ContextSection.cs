namespace Kiro.Mcp.Specs.Execution;

/// <summary>A titled piece of text in a task's execution context (a design section, a steering document).</summary>
public sealed record ContextSection(string Title, string Text);
