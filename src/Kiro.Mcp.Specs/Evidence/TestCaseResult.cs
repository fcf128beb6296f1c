namespace Kiro.Mcp.Specs.Evidence;

/// <summary>One test from a results file.</summary>
/// <param name="Tags">Texts that may carry a Kiro tag: the test's class, its categories and its traits as "key: value".</param>
public sealed record TestCaseResult(string Name, TestOutcome Outcome, IReadOnlyList<string> Tags);
