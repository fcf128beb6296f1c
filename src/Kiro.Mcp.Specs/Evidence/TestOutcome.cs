namespace Kiro.Mcp.Specs.Evidence;

/// <summary>What a test run said of one test. Anything that is neither a pass nor a failure (skipped, not run) proves nothing.</summary>
public enum TestOutcome
{
    Passed,
    Failed,
    Skipped,
}
