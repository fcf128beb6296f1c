namespace Kiro.Mcp.Workspace;

/// <summary>Whether a workspace is trusted right now, and why, in words for the user.</summary>
/// <param name="Problem">Set when the trust list itself could not be used (unreadable, writable by others, inside the workspace).</param>
public sealed record TrustDecision(bool Trusted, string Reason, string? Problem = null);
