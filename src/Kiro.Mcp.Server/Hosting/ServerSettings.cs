using Kiro.Mcp.Workspace;
using Serilog.Events;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>Everything the command line decides, as one plain object.</summary>
public sealed record ServerSettings
{
    public required string Workspace { get; init; }

    public bool Http { get; init; }

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 3001;

    public bool Stateless { get; init; }

    /// <summary>Bearer tokens by user name. Empty means no authentication (allowed on loopback only).</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; init; } = new Dictionary<string, string>();

    /// <summary>True to never run command hooks (agent hooks still reach the assistant).</summary>
    public bool NoCommandHooks { get; init; }

    /// <summary>
    /// The largest message read: a stdin line over stdio, a request body over HTTP. 4 MiB holds any document a
    /// client writes (a 3 MB argument was measured) and keeps a hostile message from costing a gigabyte.
    /// </summary>
    public int MaxMessageBytes { get; init; } = DefaultMaxMessageBytes;

    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>True to trust the workspace for this process (--trust), whatever the user's trust list says.</summary>
    public bool Trust { get; init; }

    /// <summary>How the user runs this server (see <see cref="ServerCommand"/>), for messages that name a sub-command such as <c>trust</c>.</summary>
    public string Command { get; init; } = WorkspaceTrust.ToolCommand;

    public string? LogFile { get; init; }

    public LogEventLevel LogLevel { get; init; } = LogEventLevel.Information;
}
