namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>
/// A problem in a hook file: the file (workspace-relative, or <c>~/.kiro/hooks/…</c>), the 1-based line,
/// and why. Errors drop the hook (or the file, when it is not JSON at all); warnings keep it.
/// </summary>
public sealed record HookFinding(string File, int Line, string Severity, string Reason)
{
    public const string Error = "error";
    public const string Warning = "warning";
}
