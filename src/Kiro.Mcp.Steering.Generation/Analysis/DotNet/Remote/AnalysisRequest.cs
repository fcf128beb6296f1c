namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;

/// <summary>The one line the server writes to the analysis program's stdin: a <see cref="DotNetCodeRequest"/> without its progress sink.</summary>
public sealed record AnalysisRequest(string Root, IReadOnlyList<string> Solutions, IReadOnlyList<string> Projects, bool Evaluate, IReadOnlyList<string>? TestProjects = null);
