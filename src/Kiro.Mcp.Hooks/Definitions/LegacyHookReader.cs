using System.Text.Json;

namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>
/// Kiro IDE 0.x: <c>{name, description?, version?, enabled?, when:{type, patterns?[]}, then:{type:
/// askAgent|runCommand, prompt|command, timeout?}}</c>. Real files also spell the glob as a single
/// <c>filePattern</c>; it is read as one pattern.
/// </summary>
internal static class LegacyHookReader
{
    public static void Read(JsonElement root, HookReadContext context)
    {
        var ok = true;
        var name = context.String(root, "name", "", ref ok);
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Error(1, "the hook has no \"name\".");
            ok = false;
        }
        var label = string.IsNullOrWhiteSpace(name) ? "the hook" : $"hook '{name}'";
        var enabled = context.Bool(root, "enabled", "", ref ok);
        var description = context.String(root, "description", "", ref ok);

        string? trigger = null;
        var patterns = new List<string>();
        if (!root.TryGetProperty("when", out var when) || when.ValueKind != JsonValueKind.Object)
        {
            context.Error(context.Lines.Of("when"), $"{label} has no \"when\" object ({{\"type\":\"fileEdited\",\"patterns\":[…]}}).");
            ok = false;
        }
        else
        {
            var written = context.String(when, "type", "when", ref ok);
            trigger = HookTriggers.Normalize(written);
            if (string.IsNullOrWhiteSpace(written))
            {
                context.Error(context.Lines.Of("when"), $"{label} has no \"when.type\" (e.g. \"fileEdited\").");
                ok = false;
            }
            else if (trigger is null)
            {
                context.Warning(context.Lines.Of("when.type"), $"{label}: unknown trigger \"{written}\"; it never fires (run it with hook_run).");
                trigger = written.Trim();
            }
            ReadPatterns(when, label, patterns, context, ref ok);
        }

        HookActionType? type = null;
        string? command = null, prompt = null;
        int? timeout = null;
        if (!root.TryGetProperty("then", out var then) || then.ValueKind != JsonValueKind.Object)
        {
            context.Error(context.Lines.Of("then"), $"{label} has no \"then\" object ({{\"type\":\"askAgent\",\"prompt\":…}} or {{\"type\":\"runCommand\",\"command\":…}}).");
            ok = false;
        }
        else
        {
            var typeName = context.String(then, "type", "then", ref ok);
            type = typeName?.Trim().ToLowerInvariant() switch
            {
                "runcommand" or "command" => HookActionType.Command,
                "askagent" or "agent" => HookActionType.Agent,
                _ => null,
            };
            if (type is null)
            {
                context.Error(context.Lines.Of("then.type"), $"{label}: \"then.type\" must be \"askAgent\" or \"runCommand\"{(typeName is null ? "" : $", not \"{typeName}\"")}.");
                ok = false;
            }
            command = context.String(then, "command", "then", ref ok);
            prompt = context.String(then, "prompt", "then", ref ok);
            timeout = context.Seconds(then, "timeout", "then", ref ok);
            if (type == HookActionType.Command && string.IsNullOrWhiteSpace(command))
            {
                context.Error(context.Lines.Of("then"), $"{label}: a runCommand action needs \"command\".");
                ok = false;
            }
            if (type == HookActionType.Agent && string.IsNullOrWhiteSpace(prompt))
            {
                context.Error(context.Lines.Of("then"), $"{label}: an askAgent action needs \"prompt\".");
                ok = false;
            }
        }
        if (!ok)
        {
            return;
        }
        context.Hooks.Add(new HookDefinition
        {
            Name = name!.Trim(),
            Description = description,
            Trigger = trigger!,
            Patterns = patterns,
            ActionType = type!.Value,
            Command = type == HookActionType.Command ? command : null,
            Prompt = type == HookActionType.Agent ? prompt : null,
            TimeoutSeconds = timeout,
            Enabled = enabled ?? true,
            Source = context.Source,
            Format = HookFormat.Legacy,
            File = context.File,
            Line = 1,
        });
    }

    private static void ReadPatterns(JsonElement when, string label, List<string> patterns, HookReadContext context, ref bool ok)
    {
        if (when.TryGetProperty("patterns", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String))
            {
                context.Error(context.Lines.Of("when.patterns"), $"{label}: \"when.patterns\" must be an array of glob strings such as \"src/**/*.ts\".");
                ok = false;
                return;
            }
            patterns.AddRange(list.EnumerateArray().Select(p => p.GetString()!).Where(p => p.Trim().Length > 0));
        }
        if (context.String(when, "filePattern", "when", ref ok) is { Length: > 0 } single)
        {
            patterns.Add(single);
        }
    }
}
