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
        var narrowed = new HookMatcher().Apply(Hook(HookTriggers.PostFileSave, @"\.(ts|tsx)$"), Saved("src/a.ts", "README.md", "web/b.tsx"));
        Assert.Equal(["src/a.ts", "web/b.tsx"], narrowed!.Files);
        Assert.Null(new HookMatcher().Apply(Hook(HookTriggers.PostFileSave, @"\.(ts|tsx)$"), Saved("src/a.tsx.bak")));
    }

    [Fact]
    public void Legacy_globs_follow_glob_rules()
    {
        var anyDepth = Hook(HookTriggers.PostFileSave, null, "**/*.ts");
        Assert.True(new HookMatcher().MatchesFile(anyDepth, "a.ts"));
        Assert.True(new HookMatcher().MatchesFile(anyDepth, "src/deep/a.ts"));
        Assert.False(new HookMatcher().MatchesFile(anyDepth, "src/a.js"));
        var topLevel = Hook(HookTriggers.PostFileSave, null, "*.md", "src/*.js");
        Assert.True(new HookMatcher().MatchesFile(topLevel, "README.md"));
        Assert.False(new HookMatcher().MatchesFile(topLevel, "docs/guide.md"));
        Assert.True(new HookMatcher().MatchesFile(topLevel, "src/app.js"));
        Assert.False(new HookMatcher().MatchesFile(topLevel, "src/lib/app.js"));
    }

    [Fact]
    public void Without_matcher_or_patterns_every_file_matches_but_only_on_the_hooks_trigger()
    {
        Assert.NotNull(new HookMatcher().Apply(Hook(HookTriggers.PostFileSave), Saved("anything/at/all.bin")));
        Assert.Null(new HookMatcher().Apply(Hook(HookTriggers.PostFileCreate), Saved("a.txt")));
    }

    [Fact]
    public void Task_triggers_match_spec_slash_task_and_ignore_globs()
    {
        var e = new HookEvent { Trigger = HookTriggers.PostTaskExec, Spec = "billing", TaskId = "2.1", TaskStatus = "done" };
        Assert.NotNull(new HookMatcher().Apply(Hook(HookTriggers.PostTaskExec, "^billing/"), e));
        Assert.Null(new HookMatcher().Apply(Hook(HookTriggers.PostTaskExec, "^payments/"), e));
        Assert.NotNull(new HookMatcher().Apply(Hook(HookTriggers.PostTaskExec, null, "src/**/*.ts"), e));
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

    [Fact]
    public void A_catastrophic_matcher_costs_its_timeout_once_per_file_version_then_is_skipped_with_a_finding()
    {
        // The lookahead keeps it off the linear engine, so it backtracks exponentially on "aaa…a!".
        var matcher = new HookMatcher();
        var hook = Hook(HookTriggers.PostFileSave, "(?=a)(a+)+$") with { File = ".kiro/hooks/bad.json", FileVersion = "v1" };
        var hostile = new string('a', 40) + "!";

        for (var i = 0; i < 5; i++)
        {
            Assert.Null(matcher.Apply(hook, Saved(hostile, "other.txt")));
        }

        Assert.Equal(1, matcher.TimedOutEvaluations);
        var finding = Assert.Single(matcher.Findings);
        Assert.Equal(".kiro/hooks/bad.json", finding.File);
        Assert.Contains("(?=a)(a+)+$", finding.Reason);

        // Editing the hook file gives the pattern another chance, once.
        var edited = hook with { FileVersion = "v2" };
        Assert.Null(matcher.Apply(edited, Saved(hostile)));
        Assert.Null(matcher.Apply(edited, Saved(hostile)));
        Assert.Equal(2, matcher.TimedOutEvaluations);
    }

    [Fact]
    public void A_nested_quantifier_without_lookarounds_runs_on_the_linear_engine_and_still_matches()
    {
        var matcher = new HookMatcher();
        var hook = Hook(HookTriggers.PostFileSave, "^(a+)+$");

        Assert.Null(matcher.Apply(hook, Saved(new string('a', 5000) + "!")));
        Assert.NotNull(matcher.Apply(hook, Saved("aaaa")));
        Assert.Equal(0, matcher.TimedOutEvaluations);
        Assert.Empty(matcher.Findings);
    }
}
