namespace Kiro.Mcp.Specs.Impact;

/// <summary>What a change between two commits does to the specs: <c>kiro-mcp impact</c> and <c>spec_impact</c>.</summary>
/// <param name="Base">The base commit (sha).</param>
/// <param name="Head">The head commit (sha).</param>
/// <param name="FilesChanged">How many workspace files the diff touches.</param>
/// <param name="Specs">The specs whose documents changed.</param>
/// <param name="Files">Changed code files that completed task runs had changed before, and so the requirements they touch.</param>
public sealed record ImpactReport(string Base, string Head, int FilesChanged, IReadOnlyList<SpecImpact> Specs, IReadOnlyList<FileImpact> Files);
