namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// Who may create and run hooks. With bearer tokens configured, only an authenticated user: a hook
/// runs commands on this machine, so it must be someone the operator named.
/// </summary>
public sealed record HookAccess(bool RequireAuthenticatedUser);
