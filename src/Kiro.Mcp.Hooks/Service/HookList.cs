using Kiro.Mcp.Hooks.Definitions;

namespace Kiro.Mcp.Hooks.Service;

/// <summary>The result of hook_list: every hook, every finding about the hook files, and whether command hooks may run.</summary>
/// <param name="CommandHooks">True when command hooks run here: the workspace is trusted and --no-command-hooks is not set.</param>
/// <param name="Trusted">Whether the user trusts this workspace (the user's trust list or --trust).</param>
/// <param name="Trust">When untrusted: what does not run and exactly how the user can trust the workspace.</param>
public sealed record HookList(IReadOnlyList<HookView> Hooks, IReadOnlyList<HookFinding> Findings, bool CommandHooks, bool Trusted, string? Trust, IReadOnlyList<string> Folders);
