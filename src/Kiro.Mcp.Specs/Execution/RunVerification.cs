namespace Kiro.Mcp.Specs.Execution;

/// <summary>The verification of a completed run.</summary>
public sealed record RunVerification(string Command, int ExitCode, long DurationMs);
