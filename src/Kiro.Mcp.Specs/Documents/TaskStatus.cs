namespace Kiro.Mcp.Specs.Documents;

/// <summary>The checkbox states Kiro writes: <c>[ ]</c>, <c>[~]</c>, <c>[-]</c>, <c>[x]</c>.</summary>
public enum TaskStatus
{
    NotStarted,
    Queued,
    InProgress,
    Done,
}
