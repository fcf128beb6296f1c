using Kiro.Mcp.Hooks.Definitions;

namespace Kiro.Mcp.Hooks.Tests.Definitions;

/// <summary>Every hook file found in real repositories loads, in both formats.</summary>
public class FixtureHookTests
{
    [Fact]
    public void The_fixtures_hold_both_formats()
    {
        var files = FixtureHooks.Files();
        Assert.True(files.Count >= 30, $"only {files.Count} hook files found");
        Assert.Contains(files, f => f.EndsWith(".kiro.hook", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".json", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FixtureHooks.All), MemberType = typeof(FixtureHooks))]
    public void Every_fixture_hook_file_loads_without_errors(string file)
    {
        var (hooks, findings) = HookFileReader.Read(FixtureHooks.Read(file), file, HookSource.Workspace);
        Assert.DoesNotContain(findings, f => f.Severity == HookFinding.Error);
        Assert.NotEmpty(hooks);
        Assert.All(hooks, h =>
        {
            Assert.False(string.IsNullOrWhiteSpace(h.Name));
            Assert.True(h.ActionType == HookActionType.Command ? !string.IsNullOrWhiteSpace(h.Command) : !string.IsNullOrWhiteSpace(h.Prompt));
        });
    }

    [Fact]
    public void Kiros_own_legacy_sample_reads_as_a_save_hook_with_its_globs()
    {
        const string file = "kirodotdev__spirit-of-kiro/.kiro/hooks/update-docs-hook.kiro.hook";
        var hook = Assert.Single(HookFileReader.Read(FixtureHooks.Read(file), file, HookSource.Workspace).Hooks);
        Assert.Equal("Update Documentation on Code Changes", hook.Name);
        Assert.Equal(HookTriggers.PostFileSave, hook.Trigger);
        Assert.Equal(HookFormat.Legacy, hook.Format);
        Assert.Equal(HookActionType.Agent, hook.ActionType);
        Assert.Equal(["**/*.ts", "**/*.vue", "**/*.js", "**/README.md", "**/package.json", "docker-compose.yml", "launch.ts"], hook.Patterns);
    }

    [Fact]
    public void A_v1_timeout_written_inside_the_action_is_read()
    {
        const string file = "krishna-1210__task-manager-app/.kiro/hooks/auto-raise-pr-on-stop.json";
        var hook = Assert.Single(HookFileReader.Read(FixtureHooks.Read(file), file, HookSource.Workspace).Hooks);
        Assert.Equal("Stop", hook.Trigger);
        Assert.Equal(30, hook.TimeoutSeconds);
        Assert.Equal(HookActionType.Command, hook.ActionType);
    }

    [Fact]
    public void Legacy_spellings_seen_in_real_files_map_to_v1_triggers()
    {
        const string drift = "lancejanocha__kb-pong/.kiro/hooks/steering-drift-check.kiro.hook";
        var hook = Assert.Single(HookFileReader.Read(FixtureHooks.Read(drift), drift, HookSource.Workspace).Hooks);
        Assert.Equal(HookTriggers.PostFileSave, hook.Trigger);
        Assert.Equal([".kiro/steering/*.md"], hook.Patterns);
        const string end = "0xWhisp__ci-time-tracker/.kiro/hooks/commit-on-task-end.kiro.hook";
        Assert.Equal("Stop", Assert.Single(HookFileReader.Read(FixtureHooks.Read(end), end, HookSource.Workspace).Hooks).Trigger);
    }

    [Fact]
    public void A_legacy_file_migrated_to_v1_beside_it_is_superseded_not_fired_twice()
    {
        var files = new[] { "gfargo__coco/.kiro/hooks/lint-on-save.kiro.hook", "gfargo__coco/.kiro/hooks/lint-on-save.json" }
            .Select(f => (f, FixtureHooks.Read(f), HookSource.Workspace)).ToList();
        var set = HookCatalog.Parse(files);
        var legacy = set.Hooks.Single(h => h.Format == HookFormat.Legacy);
        Assert.StartsWith("superseded by", legacy.Inactive);
        // The v1 file of this repository disables the hook, so nothing of it is active.
        Assert.Empty(set.Active);
    }
}
