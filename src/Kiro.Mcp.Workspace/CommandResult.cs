using System.Text.Json.Serialization;

namespace Kiro.Mcp.Workspace;

/// <summary>How a command ended: exit code (-1 when killed at the timeout), the tail of its output, and how long it took.</summary>
public sealed record CommandResult(string Command, int ExitCode, bool TimedOut, string OutputTail, long DurationMs)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>
    /// The tail of standard error alone (it is also in <see cref="OutputTail"/>, interleaved), for
    /// callers that show only the reason a command gave. Not serialized: results carry the output tail.
    /// </summary>
    [JsonIgnore]
    public string ErrorTail { get; init; } = "";
}
