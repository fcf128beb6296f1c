using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Hooks.Triggers;

namespace Kiro.Mcp.Hooks.Tests.Triggers;

public class HookMatcherTests
{
    private static HookDefinition Hook(string trigger, string? matcher = null, params string[] patterns) => new()
    {
        Name = "h", Trigger = trigger, Matcher = matcher, Patterns = patterns, ActionType = HookActionType.Agent, Prompt = "p",
        Source = HookSource.Workspace, Format = matcher is null && patterns.Length > 0 ? HookFormat.Legacy : HookFormat.V1, File = "f", Line = 1,
    };

    private static HookEvent Saved(params string[] files) => new() { Trigger = HookTriggers.PostFileSave, Files = files };

    [Fact]
    public void A_matcher_is_searched_in_the_path_and_keeps_only_matching_files()
    {
        var narrowed = HookMatcher.Apply(Hook(HookTriggers.PostFileSave, @"\.(ts|tsx)$"), Saved("src/a.ts", "README.md", "web/b.tsx"));
        Assert.Equal(["src/a.ts", "web/b.tsx"], narrowed!.Files);
        Assert.Null(HookMatcher.Apply(Hook(HookTriggers.PostFileSave, @"\.(ts|tsx)$"), Saved("src/a.tsx.bak")));
    }

    [Fact]
    public void Legacy_globs_follow_glob_rules()
    {
        var anyDepth = Hook(HookTriggers.PostFileSave, null, "**/*.ts");
        Assert.True(HookMatcher.MatchesFile(anyDepth, "a.ts"));
        Assert.True(HookMatcher.MatchesFile(anyDepth, "src/deep/a.ts"));
        Assert.False(HookMatcher.MatchesFile(anyDepth, "src/a.js"));
        var topLevel = Hook(HookTriggers.PostFileSave, null, "*.md", "src/*.js");
        Assert.True(HookMatcher.MatchesFile(topLevel, "README.md"));
        Assert.False(HookMatcher.MatchesFile(topLevel, "docs/guide.md"));
        Assert.True(HookMatcher.MatchesFile(topLevel, "src/app.js"));
        Assert.False(HookMatcher.MatchesFile(topLevel, "src/lib/app.js"));
    }

    [Fact]
    public void Without_matcher_or_patterns_every_file_matches_but_only_on_the_hooks_trigger()
    {
        Assert.NotNull(HookMatcher.Apply(Hook(HookTriggers.PostFileSave), Saved("anything/at/all.bin")));
        Assert.Null(HookMatcher.Apply(Hook(HookTriggers.PostFileCreate), Saved("a.txt")));
    }

    [Fact]
    public void Task_triggers_match_spec_slash_task_and_ignore_globs()
    {
        var e = new HookEvent { Trigger = HookTriggers.PostTaskExec, Spec = "billing", TaskId = "2.1", TaskStatus = "done" };
        Assert.NotNull(HookMatcher.Apply(Hook(HookTriggers.PostTaskExec, "^billing/"), e));
        Assert.Null(HookMatcher.Apply(Hook(HookTriggers.PostTaskExec, "^payments/"), e));
        Assert.NotNull(HookMatcher.Apply(Hook(HookTriggers.PostTaskExec, null, "src/**/*.ts"), e));
    }

    [Fact]
    public void The_event_json_and_environment_carry_the_same_facts()
    {
        var e = new HookEvent { Trigger = HookTriggers.PostTaskExec, Spec = "billing", TaskId = "2.1", TaskTitle = "Add \"invoices\"", TaskStatus = "done", Files = ["a.ts", "b.ts"] };
        var json = System.Text.Json.JsonDocument.Parse(e.ToJson("Sync", "/ws")).RootElement;
        var env = e.ToEnvironment("Sync", "/ws");
        Assert.Equal(("PostTaskExec", "/ws", "2.1", "Add \"invoices\""), (json.GetProperty("hook_event_name").GetString(), json.GetProperty("cwd").GetString(), json.GetProperty("task_id").GetString(), json.GetProperty("task_title").GetString()));
        Assert.Equal(("PostTaskExec", "/ws", "2.1", "done", "a.ts", "a.ts\nb.ts"), (env["KIRO_HOOK_EVENT"], env["KIRO_WORKSPACE"], env["KIRO_TASK_ID"], env["KIRO_TASK_STATUS"], env["KIRO_FILE_PATH"], env["KIRO_FILE_PATHS"]));
        Assert.False(json.TryGetProperty("document", out _));
    }
}
