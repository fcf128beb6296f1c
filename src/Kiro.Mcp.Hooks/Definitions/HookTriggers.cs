namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>
/// Trigger names in Kiro's v1 spelling (PascalCase), the legacy 0.x names they replace, and which of
/// them this server fires. Kiro.Mcp adds two of its own in the same style: <see cref="PostSpecApprove"/>
/// and <see cref="PostSpecCreate"/>.
/// </summary>
public static class HookTriggers
{
    public const string PostFileCreate = "PostFileCreate";
    public const string PostFileSave = "PostFileSave";
    public const string PostFileDelete = "PostFileDelete";
    public const string PreTaskExec = "PreTaskExec";
    public const string PostTaskExec = "PostTaskExec";
    public const string PostSpecApprove = "PostSpecApprove";
    public const string PostSpecCreate = "PostSpecCreate";
    public const string Manual = "Manual";

    /// <summary>The triggers this server fires.</summary>
    public static readonly IReadOnlyList<string> Fired =
        [PostFileCreate, PostFileSave, PostFileDelete, PreTaskExec, PostTaskExec, PostSpecApprove, PostSpecCreate, Manual];

    /// <summary>Kiro's triggers for things only the assistant sees (its prompts, turns, tool calls): loaded, listed, run only by hook_run.</summary>
    public static readonly IReadOnlyList<string> AssistantOnly =
        ["UserPromptSubmit", "Stop", "SessionStart", "AgentSpawn", "PreToolUse", "PostToolUse"];

    // Kiro's IDE 1.0 migration table, plus spellings seen in real hook files (fileSave, agentEnd).
    private static readonly Dictionary<string, string> Legacy = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fileEdited"] = PostFileSave,
        ["fileSave"] = PostFileSave,
        ["fileSaved"] = PostFileSave,
        ["fileCreated"] = PostFileCreate,
        ["fileCreate"] = PostFileCreate,
        ["fileDeleted"] = PostFileDelete,
        ["fileDelete"] = PostFileDelete,
        ["preTaskExecution"] = PreTaskExec,
        ["postTaskExecution"] = PostTaskExec,
        ["userTriggered"] = Manual,
        ["promptSubmit"] = "UserPromptSubmit",
        ["agentStop"] = "Stop",
        ["agentEnd"] = "Stop",
        ["agentSpawn"] = "SessionStart",
        ["preToolUse"] = "PreToolUse",
        ["postToolUse"] = "PostToolUse",
    };

    /// <summary>The v1 name for a trigger written in either generation, or null when it is no known trigger.</summary>
    public static string? Normalize(string? trigger)
    {
        if (string.IsNullOrWhiteSpace(trigger))
        {
            return null;
        }
        var name = trigger.Trim();
        return Fired.Concat(AssistantOnly).FirstOrDefault(t => t.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? Legacy.GetValueOrDefault(name)
            ?? (name.Equals("UserTriggered", StringComparison.OrdinalIgnoreCase) ? Manual : null);
    }

    public static bool IsFileTrigger(string trigger) => trigger is PostFileCreate or PostFileSave or PostFileDelete;

    public static bool IsFired(string trigger) => Fired.Contains(trigger);
}
