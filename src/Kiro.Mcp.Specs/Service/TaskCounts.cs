namespace Kiro.Mcp.Specs.Service;

/// <summary>Task progress of one spec; <see cref="Optional"/> counts the <c>*</c> tasks among <see cref="Total"/>.</summary>
public sealed record TaskCounts(int Total, int Done, int InProgress, int Queued, int NotStarted, int Optional);
