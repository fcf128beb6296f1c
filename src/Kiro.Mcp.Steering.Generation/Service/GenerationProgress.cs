namespace Kiro.Mcp.Steering.Generation.Service;

/// <summary>One step of a generation, for progress notifications.</summary>
public sealed record GenerationProgress(int Step, int Total, string Message);
