namespace Kiro.Mcp.Server.Tools;

/// <summary>workspace_list's result: the workspace used when a call names none (null: every call must name one), and each workspace.</summary>
public sealed record WorkspaceList(string? Default, IReadOnlyList<WorkspaceSummary> Workspaces);

/// <summary>One workspace: its name, folder, whether it is loaded now and trusted to run its own code, its specs and open tasks.</summary>
public sealed record WorkspaceSummary(string Name, string Path, bool Loaded, bool Trusted, int Specs, int OpenTasks, string? Problem);
