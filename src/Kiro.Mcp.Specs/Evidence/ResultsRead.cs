namespace Kiro.Mcp.Specs.Evidence;

/// <summary>What <see cref="ResultsFiles.Read"/> found.</summary>
/// <param name="Files">The results files read, workspace-relative.</param>
/// <param name="Notes">Files skipped and why (too large, not results, more than the cap).</param>
public sealed record ResultsRead(IReadOnlyList<string> Files, IReadOnlyList<TestCaseResult> Tests, IReadOnlyList<string> Notes);
