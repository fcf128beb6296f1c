namespace Kiro.Mcp.Server.Tools;

/// <summary>
/// Who may create and run hooks. With bearer tokens configured, only an authenticated user: a hook
/// runs commands on this machine, so it must be someone the operator named. <paramref name="Stateless"/>:
/// stateless HTTP has no sessions, so hook prompts are addressed to users.
/// </summary>
public sealed record HookAccess(bool RequireAuthenticatedUser, bool Stateless = false);
