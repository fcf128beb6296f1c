namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;

/// <summary>
/// One line the analysis program writes to its stdout: exactly one of a progress message, the result, or an error.
/// Any number of progress lines come first; the result or the error is the last line.
/// </summary>
public sealed record AnalysisReply(string? Progress = null, DotNetCodeResult? Result = null, string? Error = null);
