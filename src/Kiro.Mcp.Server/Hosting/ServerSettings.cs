using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;
using Serilog.Events;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>Everything the command line decides, as one plain object.</summary>
public sealed record ServerSettings
{
    /// <summary>The workspaces named with --workspace, in the order given: the first is the default, all are loaded at start.</summary>
    public IReadOnlyList<WorkspaceEntry> Workspaces { get; init; } = [];

    /// <summary>The folders given with --workspaces: every repository directly under them is served, loaded on first use.</summary>
    public IReadOnlyList<string> WorkspaceFolders { get; init; } = [];

    /// <summary>How long a workspace from --workspaces stays loaded after its last use.</summary>
    public TimeSpan IdleUnload { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The workspaces and folders served, for the start-up log line.</summary>
    public string Describe() =>
        string.Join(", ", Workspaces.Select(w => $"{w.Name}={w.Path}").Concat(WorkspaceFolders.Select(f => $"every repository in {f}")));

    /// <summary>Settings serving one folder, as the server did before it served several.</summary>
    public static ServerSettings ForWorkspace(string path) =>
        new() { Workspaces = [new WorkspaceEntry(WorkspaceName.FromPath(path), path)] };

    public bool Http { get; init; }

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 3001;

    public bool Stateless { get; init; }

    /// <summary><c>kiro-mcp dashboard</c>: the dashboard over HTTP and no /mcp endpoint (stdio users run their MCP servers apart).</summary>
    public bool DashboardOnly { get; init; }

    /// <summary>Bearer tokens by user name. Empty means no authentication (allowed on loopback only).</summary>
    public IReadOnlyDictionary<string, string> Tokens { get; init; } = new Dictionary<string, string>();

    /// <summary>The team policy from --config (issuer, roles, limits, data folder); null: none, one local user with every role.</summary>
    public Team.TeamConfig? Team { get; init; }

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
