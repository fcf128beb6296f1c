using System.Text.Json.Serialization;

namespace Kiro.Mcp.Workspace;

/// <summary>How a command ended: exit code (-1 when killed at the timeout), the tail of its output, how long it took, and what had to be killed.</summary>
public sealed record CommandResult(string Command, int ExitCode, bool TimedOut, string OutputTail, long DurationMs)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>
    /// The tail of standard error alone (it is also in <see cref="OutputTail"/>, interleaved), for
    /// callers that show only the reason a command gave. Not serialized: results carry the output tail.
    /// </summary>
    [JsonIgnore]
    public string ErrorTail { get; init; } = "";

    /// <summary>Processes of the run killed at its end: at the timeout, or left running after the command exited.</summary>
    public int KilledProcesses { get; init; }

    /// <summary>Processes of the run still alive after the kill (should be 0).</summary>
    public int Survivors { get; init; }

    /// <summary>Bytes of output that did not fit in <see cref="OutputTail"/>.</summary>
    public long OutputDroppedBytes { get; init; }
}
