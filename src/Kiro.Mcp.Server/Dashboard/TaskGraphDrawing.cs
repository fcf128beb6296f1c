namespace Kiro.Mcp.Server.Dashboard;

/// <summary>
/// The dependency graph of a spec's tasks laid out for a server-drawn SVG: one column per wave of task_plan (a task's
/// column is when it can start), nodes in each column ordered to keep edges short, and the critical path marked. Tasks
/// with no wave (in a dependency cycle) stand in a last column of their own.
/// </summary>
public sealed record TaskGraphDrawing(int Width, int Height, IReadOnlyList<GraphColumn> Columns, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>A column's heading ("Wave 2", or "In a cycle") and where it stands.</summary>
public sealed record GraphColumn(string Label, int X);

/// <summary>A task in the drawing: its box's top-left corner, its status, and its label cut to fit the box (the full title is the node's tooltip).</summary>
public sealed record GraphNode(string Id, string Title, string Label, string Status, bool Critical, int X, int Y);

/// <summary>An arrow from the task waited for to the task that waits, as SVG path data.</summary>
/// <param name="Kind">"depends", "subtask" or "checkpoint" (TaskEdge).</param>
public sealed record GraphEdge(string From, string To, string Kind, bool Critical, string Path);
