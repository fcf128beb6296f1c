namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>Where a program starts: a file with top-level statements or a static Main method.</summary>
public sealed record EntryPoint(string File, string Kind);
