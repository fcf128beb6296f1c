namespace Kiro.Mcp.Server.Workspaces;

/// <summary>Marks a tool that is about the server, not one workspace: it takes no <c>workspace</c> argument.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WorkspaceFreeAttribute : Attribute;
