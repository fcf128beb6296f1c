using System.Text.Json;

namespace Kiro.Mcp.Hooks.Definitions;

/// <summary>
/// Kiro's current format: <c>{"version":"v1","hooks":[{name, description?, trigger, matcher?,
/// action:{type: command|agent, command|prompt, timeout?}, timeout?, enabled?}]}</c>. Real files put
/// <c>timeout</c> beside <c>action</c> or inside it; both are read.
/// </summary>
internal static class V1HookReader
{
    public static void Read(JsonElement root, HookReadContext context)
    {
        var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (!string.Equals(version, "v1", StringComparison.OrdinalIgnoreCase))
        {
            context.Warning(context.Lines.Of("version"), version is null
                ? "\"version\" is missing; Kiro expects \"v1\". Read as v1."
                : $"\"version\" is \"{version}\"; Kiro expects \"v1\". Read as v1.");
        }
        if (!root.TryGetProperty("hooks", out var hooks) || hooks.ValueKind != JsonValueKind.Array)
        {
            context.Error(context.Lines.Of("hooks"), "\"hooks\" must be an array of hooks: {\"version\":\"v1\",\"hooks\":[{\"name\":…,\"trigger\":…,\"action\":{…}}]}.");
            return;
        }
        var index = 0;
        foreach (var hook in hooks.EnumerateArray())
        {
            ReadHook(hook, $"hooks[{index}]", index, context);
            index++;
        }
    }

    private static void ReadHook(JsonElement hook, string path, int index, HookReadContext context)
    {
        var line = context.Lines.Of(path);
        if (hook.ValueKind != JsonValueKind.Object)
        {
            context.Error(line, $"{path} must be an object.");
            return;
        }
        var ok = true;
        var name = context.String(hook, "name", path, ref ok);
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Error(line, $"{path} has no \"name\".");
            ok = false;
        }
        var label = string.IsNullOrWhiteSpace(name) ? path : $"hook '{name}'";
        var written = context.String(hook, "trigger", path, ref ok);
        var trigger = HookTriggers.Normalize(written);
        if (string.IsNullOrWhiteSpace(written))
        {
            context.Error(line, $"{label} has no \"trigger\" (e.g. \"PostFileSave\", \"PreTaskExec\").");
            ok = false;
        }
        else if (trigger is null)
        {
            context.Warning(context.Lines.Of(path + ".trigger"), $"{label}: unknown trigger \"{written}\"; it never fires (run it with hook_run).");
        }
        var matcher = context.String(hook, "matcher", path, ref ok);
        if (matcher is not null && HookFileReader.CheckRegex(matcher) is { } problem)
        {
            context.Error(context.Lines.Of(path + ".matcher"), $"{label}: \"matcher\" is not a regular expression: {problem}");
            ok = false;
        }
        var timeout = context.Seconds(hook, "timeout", path, ref ok);
        var enabled = context.Bool(hook, "enabled", path, ref ok);
        var description = context.String(hook, "description", path, ref ok);

        HookActionType? type = null;
        string? command = null, prompt = null;
        if (!hook.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            context.Error(context.Lines.Of(path + ".action"), $"{label} has no \"action\" object ({{\"type\":\"command\",\"command\":…}} or {{\"type\":\"agent\",\"prompt\":…}}).");
            ok = false;
        }
        else
        {
            var actionPath = path + ".action";
            var typeName = context.String(action, "type", actionPath, ref ok);
            type = typeName?.Trim().ToLowerInvariant() switch
            {
                "command" or "runcommand" => HookActionType.Command,
                "agent" or "askagent" => HookActionType.Agent,
                _ => null,
            };
            if (type is null)
            {
                context.Error(context.Lines.Of(actionPath + ".type"), $"{label}: \"action.type\" must be \"command\" or \"agent\"{(typeName is null ? "" : $", not \"{typeName}\"")}.");
                ok = false;
            }
            command = context.String(action, "command", actionPath, ref ok);
            prompt = context.String(action, "prompt", actionPath, ref ok);
            timeout ??= context.Seconds(action, "timeout", actionPath, ref ok);
            if (type == HookActionType.Command && string.IsNullOrWhiteSpace(command))
            {
                context.Error(context.Lines.Of(actionPath), $"{label}: a command action needs \"command\".");
                ok = false;
            }
            if (type == HookActionType.Agent && string.IsNullOrWhiteSpace(prompt))
            {
                context.Error(context.Lines.Of(actionPath), $"{label}: an agent action needs \"prompt\".");
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
            Trigger = trigger ?? written!.Trim(),
            Matcher = string.IsNullOrEmpty(matcher) ? null : matcher,
            ActionType = type!.Value,
            Command = type == HookActionType.Command ? command : null,
            Prompt = type == HookActionType.Agent ? prompt : null,
            TimeoutSeconds = timeout,
            Enabled = enabled ?? true,
            Source = context.Source,
            Format = HookFormat.V1,
            File = context.File,
            Line = line,
            Index = index,
        });
    }
}
