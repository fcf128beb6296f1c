using Kiro.Mcp.Hooks.Definitions;

namespace Kiro.Mcp.Hooks.Tests.Definitions;

public class HookFileReaderTests
{
    private const string File = ".kiro/hooks/test.json";

    [Fact]
    public void A_v1_file_reads_every_field_and_defaults()
    {
        var (hooks, findings) = HookFileReader.Read("""
            {
              "version": "v1",
              "hooks": [
                { "name": "Lint", "trigger": "PostFileSave", "matcher": "\\.(ts|tsx)$",
                  "action": { "type": "command", "command": "npx eslint --fix" }, "timeout": 30, "enabled": false },
                { "name": "Remind", "trigger": "posttaskexec", "action": { "type": "agent", "prompt": "Update the changelog." } }
              ]
            }
            """, File, HookSource.User);
        Assert.Empty(findings);
        Assert.Equal(2, hooks.Count);
        Assert.Equal(("Lint", "PostFileSave", @"\.(ts|tsx)$", HookActionType.Command, "npx eslint --fix", 30, false, 4),
            (hooks[0].Name, hooks[0].Trigger, hooks[0].Matcher, hooks[0].ActionType, hooks[0].Command, hooks[0].TimeoutSeconds, hooks[0].Enabled, hooks[0].Line));
        Assert.Equal(("Remind", HookTriggers.PostTaskExec, (string?)null, HookActionType.Agent, "Update the changelog.", (int?)null, true, 6, HookSource.User),
            (hooks[1].Name, hooks[1].Trigger, hooks[1].Matcher, hooks[1].ActionType, hooks[1].Prompt, hooks[1].TimeoutSeconds, hooks[1].Enabled, hooks[1].Line, hooks[1].Source));
        Assert.Equal(TimeSpan.FromSeconds(60), hooks[1].Timeout);
    }

    [Fact]
    public void A_file_that_is_not_json_is_one_error_with_its_line()
    {
        var (hooks, findings) = HookFileReader.Read("{\n  \"version\": \"v1\",\n  \"hooks\": [\n    { \"name\": \"x\" ,, }\n  ]\n}\n", File, HookSource.Workspace);
        Assert.Empty(hooks);
        var finding = Assert.Single(findings);
        Assert.Equal((File, 4, HookFinding.Error), (finding.File, finding.Line, finding.Severity));
        Assert.StartsWith("not valid JSON", finding.Reason);
    }

    [Fact]
    public void A_broken_hook_is_reported_at_its_line_and_the_others_in_the_file_load()
    {
        var (hooks, findings) = HookFileReader.Read("""
            {
              "version": "v1",
              "hooks": [
                { "name": "Good", "trigger": "PostFileCreate", "action": { "type": "agent", "prompt": "p" } },
                { "name": "No command", "trigger": "PostFileSave",
                  "action": { "type": "command" } },
                { "name": "Bad regex", "trigger": "PostFileSave", "matcher": "([a-z",
                  "action": { "type": "agent", "prompt": "p" } },
                { "trigger": "PostFileSave", "action": { "type": "agent", "prompt": "p" } },
                { "name": "Odd type", "trigger": "PostFileSave", "action": { "type": "shell", "command": "x" } }
              ]
            }
            """, File, HookSource.Workspace);
        Assert.Equal(["Good"], hooks.Select(h => h.Name));
        Assert.Equal([6, 7, 9, 10], findings.Select(f => f.Line));
        Assert.All(findings, f => Assert.Equal(HookFinding.Error, f.Severity));
        Assert.Contains("needs \"command\"", findings[0].Reason);
        Assert.Contains("not a regular expression", findings[1].Reason);
        Assert.Contains("has no \"name\"", findings[2].Reason);
        Assert.Contains("\"command\" or \"agent\"", findings[3].Reason);
    }

    [Fact]
    public void An_unknown_trigger_loads_with_a_warning_and_never_fires()
    {
        var (hooks, findings) = HookFileReader.Read("""{"version":"v1","hooks":[{"name":"x","trigger":"OnFullMoon","action":{"type":"agent","prompt":"p"}}]}""", File, HookSource.Workspace);
        var hook = Assert.Single(hooks);
        Assert.Equal("OnFullMoon", hook.Trigger);
        Assert.False(HookTriggers.IsFired(hook.Trigger));
        Assert.Equal(HookFinding.Warning, Assert.Single(findings).Severity);
    }

    [Fact]
    public void A_legacy_hook_with_a_missing_then_is_reported_and_nothing_loads()
    {
        var (hooks, findings) = HookFileReader.Read("{\n  \"name\": \"x\",\n  \"when\": { \"type\": \"fileEdited\" }\n}\n", ".kiro/hooks/x.kiro.hook", HookSource.Workspace);
        Assert.Empty(hooks);
        Assert.Contains("no \"then\"", Assert.Single(findings).Reason);
    }

    [Fact]
    public void The_v1_writer_output_reads_back_as_the_same_hook()
    {
        var hook = new HookDefinition
        {
            Name = "Tracker \"sync\"", Trigger = HookTriggers.PostTaskExec, Matcher = "^billing/", ActionType = HookActionType.Command,
            Command = "./scripts/push-status.sh", TimeoutSeconds = 20, Source = HookSource.Workspace, Format = HookFormat.V1, File = File, Line = 4,
        };
        var text = V1HookWriter.Write([hook]);
        Assert.EndsWith("}\n", text);
        Assert.DoesNotContain('\r', text);
        var (hooks, findings) = HookFileReader.Read(text, File, HookSource.Workspace);
        Assert.Empty(findings);
        Assert.Equal(hook, Assert.Single(hooks));
    }

    [Fact]
    public void Only_hook_files_directly_named_so_are_read()
    {
        Assert.True(HookFileReader.IsHookFile("lint.json"));
        Assert.True(HookFileReader.IsHookFile("lint.kiro.hook"));
        Assert.False(HookFileReader.IsHookFile("README.md"));
        Assert.False(HookFileReader.IsHookFile(".history.json"));
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(-3, 60)]
    [InlineData(86_400, 3600)]
    [InlineData(45, 45)]
    public void A_zero_timeout_means_the_default_and_a_huge_one_is_capped_never_forever(int written, int seconds)
    {
        var hook = new HookDefinition
        {
            Name = "h", Trigger = "PostFileSave", ActionType = HookActionType.Command, Command = "true", TimeoutSeconds = written,
            Source = HookSource.Workspace, Format = HookFormat.V1, File = File, Line = 1,
        };

        Assert.Equal(TimeSpan.FromSeconds(seconds), hook.Timeout);
    }
}
