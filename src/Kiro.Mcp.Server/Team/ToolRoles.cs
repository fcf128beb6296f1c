using System.Text.Json;

namespace Kiro.Mcp.Server.Team;

/// <summary>
/// The role each tool and prompt needs, in one table, so what a role allows is read in one place.
/// A tool missing here needs <see cref="Role.Admin"/> (ToolRolesTests fails for any registered tool
/// missing here). Reading resources, subscribing and completions need <see cref="Role.Reader"/>.
/// </summary>
public static class ToolRoles
{
    /// <summary>What reading resources, subscribing to them and completions need.</summary>
    public const Role Reading = Role.Reader;

    /// <summary>The tool whose role depends on what it would do: see <see cref="Required"/>.</summary>
    public const string SteeringGenerate = "steering_generate";

    public static IReadOnlyDictionary<string, Role> Tools { get; } = new Dictionary<string, Role>(StringComparer.Ordinal)
    {
        ["workspace_list"] = Role.Reader,
        ["spec_list"] = Role.Reader,
        ["spec_read"] = Role.Reader,
        ["spec_validate"] = Role.Reader,
        ["spec_status"] = Role.Reader,
        ["spec_trace"] = Role.Reader,
        ["spec_impact"] = Role.Reader,
        ["spec_export"] = Role.Reader,
        ["task_list"] = Role.Reader,
        ["task_next"] = Role.Reader,
        ["task_context"] = Role.Reader,
        ["task_plan"] = Role.Reader,
        ["steering_list"] = Role.Reader,
        ["steering_read"] = Role.Reader,
        ["steering_context"] = Role.Reader,
        ["hook_list"] = Role.Reader,
        ["hook_history"] = Role.Reader,
        // Takes only the caller's own waiting hook prompts.
        ["hook_pending"] = Role.Reader,
        ["spec_create"] = Role.Writer,
        ["spec_write"] = Role.Writer,
        ["task_start"] = Role.Writer,
        ["task_complete"] = Role.Writer,
        ["task_set_status"] = Role.Writer,
        ["steering_write"] = Role.Writer,
        // Writer when it only reads files; admin when it would run MSBuild (Required).
        [SteeringGenerate] = Role.Writer,
        ["spec_approve"] = Role.Approver,
        // Hooks run commands on the server.
        ["hook_create"] = Role.Admin,
        ["hook_run"] = Role.Admin,
        ["audit_list"] = Role.Admin,
    };

    /// <summary>Prompts only return text; the tools they lead to check their own roles.</summary>
    public static IReadOnlyDictionary<string, Role> Prompts { get; } = new Dictionary<string, Role>(StringComparer.Ordinal)
    {
        ["spec_workflow"] = Role.Reader,
        ["execute_task"] = Role.Reader,
        ["bootstrap_steering"] = Role.Reader,
    };

    /// <summary>The role a tool needs to be listed: the least it needs for any call.</summary>
    public static Role Listed(string tool) => Tools.GetValueOrDefault(tool, Role.Admin);

    public static Role ForPrompt(string prompt) => Prompts.GetValueOrDefault(prompt, Role.Admin);

    /// <summary>
    /// The role this call needs. steering_generate needs admin when it would run MSBuild, which evaluates
    /// the repository's project files (code): in a trusted workspace and not a dry run.
    /// </summary>
    public static Role Required(string tool, IDictionary<string, JsonElement>? arguments, bool trusted) =>
        tool == SteeringGenerate && trusted && !DryRun(arguments) ? Role.Admin : Listed(tool);

    private static bool DryRun(IDictionary<string, JsonElement>? arguments) =>
        arguments is not null && arguments.TryGetValue("dryRun", out var value) && value.ValueKind == JsonValueKind.True;
}
