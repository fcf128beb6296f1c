using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Hooks.Service;

/// <summary>
/// What the operator allows. Command hooks run shell commands from files in the repository: they run only in a
/// trusted workspace (<see cref="Trust"/>), and <c>--no-command-hooks</c> turns them off even there.
/// </summary>
public sealed record HookSettings
{
    public bool CommandHooks { get; init; } = true;

    public required WorkspaceTrust Trust { get; init; }

    /// <summary>
    /// Why file changes are polled rather than watched (the watch limit was reached), or null while they are
    /// watched: file hooks then fire up to a poll interval late, which hook_list reports.
    /// </summary>
    public Func<string?> WatchProblem { get; init; } = static () => null;
}
