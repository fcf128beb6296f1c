namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>How a Node client run ended.</summary>
public sealed record NodeRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
