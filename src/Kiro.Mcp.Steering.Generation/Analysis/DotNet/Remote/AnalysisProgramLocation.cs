namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;

/// <summary>Where the analysis program is (<paramref name="Path"/> of Kiro.Mcp.Analysis.dll, null when there is none) and what to tell the user about it.</summary>
/// <param name="Note">Why it is absent, or that it was just installed; null when it was simply found.</param>
public sealed record AnalysisProgramLocation(string? Path, string? Note);
