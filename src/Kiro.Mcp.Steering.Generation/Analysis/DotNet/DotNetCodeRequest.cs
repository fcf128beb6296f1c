namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>What to read: the workspace's solutions and every project file found (workspace-relative).</summary>
public sealed record DotNetCodeRequest(string Root, IReadOnlyList<string> Solutions, IReadOnlyList<string> Projects, IProgress<string>? Progress);
