namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>What the reader found per project, and notes on anything it could not load.</summary>
public sealed record DotNetCodeResult(IReadOnlyList<DotNetCodeProject> Projects, IReadOnlyList<string> Notes);
