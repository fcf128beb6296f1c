using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Server.Workspaces;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Audit;

/// <summary>
/// Where the server keeps each workspace's audit log: <c>DATA/audit/NAME.jsonl</c>, with DATA the team
/// configuration's <c>dataFolder</c> or <c>~/.kiro/kiro-mcp/data</c>. Outside every repository, so nobody
/// with write access to a repository can rewrite its history of calls.
/// </summary>
public sealed class AuditLogs(ServerSettings settings, UserKiroFolder user)
{
    /// <summary>The data folder, or null when there is none (no configured folder and no home folder): then nothing is logged.</summary>
    public string? DataFolder { get; } =
        settings.Team?.DataFolder is { Length: > 0 } configured ? Path.GetFullPath(configured) : user.Folder(Path.Combine("kiro-mcp", "data"));

    /// <summary>The log of a workspace; null without a data folder.</summary>
    public AuditLog? For(string workspace) =>
        DataFolder is null || !WorkspaceName.IsValid(workspace) ? null : new AuditLog(PathOf(DataFolder, workspace));

    public static string PathOf(string dataFolder, string workspace) => Path.Combine(dataFolder, "audit", workspace + ".jsonl");
}
