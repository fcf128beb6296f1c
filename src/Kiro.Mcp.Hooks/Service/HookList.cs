using Kiro.Mcp.Hooks.Definitions;

namespace Kiro.Mcp.Hooks.Service;

/// <summary>The result of hook_list: every hook, every finding about the hook files, and whether command hooks may run.</summary>
public sealed record HookList(IReadOnlyList<HookView> Hooks, IReadOnlyList<HookFinding> Findings, bool CommandHooks, IReadOnlyList<string> Folders);
