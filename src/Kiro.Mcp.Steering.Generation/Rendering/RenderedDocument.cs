namespace Kiro.Mcp.Steering.Generation.Rendering;

/// <summary>A rendered steering body (no front matter or marker yet) and the questions it leaves for the user.</summary>
public sealed record RenderedDocument(string Body, IReadOnlyList<string> Questions);
