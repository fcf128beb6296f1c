using Kiro.Mcp.Hooks.Definitions;

namespace Kiro.Mcp.Hooks.Tests.Definitions;

/// <summary>
/// Every hook file of both corpora loads, in both formats: the real ones in ../shared when it is beside the
/// repository (skipped otherwise), and our own in tests/Corpus always.
/// </summary>
public class FixtureHookTests
{
    [Theory]
    [MemberData(nameof(KiroFixtures.Corpora), MemberType = typeof(KiroFixtures))]
    public void The_fixtures_hold_both_formats(string corpus)
    {
        var files = FixtureHooks.Files(corpus);
        var minimum = corpus == KiroFixtures.SharedName ? 30 : 15;
        Assert.True(files.Count >= minimum, $"only {files.Count} hook files found");
        Assert.Contains(files, f => f.EndsWith(".kiro.hook", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".json", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FixtureHooks.All), MemberType = typeof(FixtureHooks))]
    public void Every_fixture_hook_file_loads_without_errors(string corpus, string file)
    {
        var (hooks, findings) = HookFileReader.Read(FixtureHooks.Read(corpus, file), file, HookSource.Workspace);
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
        var hook = Assert.Single(HookFileReader.Read(KiroFixtures.Shared.Read(file), file, HookSource.Workspace).Hooks);
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
        var hook = Assert.Single(HookFileReader.Read(KiroFixtures.Shared.Read(file), file, HookSource.Workspace).Hooks);
        Assert.Equal("Stop", hook.Trigger);
        Assert.Equal(30, hook.TimeoutSeconds);
        Assert.Equal(HookActionType.Command, hook.ActionType);
    }

    [Fact]
    public void Legacy_spellings_seen_in_real_files_map_to_v1_triggers()
    {
        const string drift = "lancejanocha__kb-pong/.kiro/hooks/steering-drift-check.kiro.hook";
        var hook = Assert.Single(HookFileReader.Read(KiroFixtures.Shared.Read(drift), drift, HookSource.Workspace).Hooks);
        Assert.Equal(HookTriggers.PostFileSave, hook.Trigger);
        Assert.Equal([".kiro/steering/*.md"], hook.Patterns);
        const string end = "0xWhisp__ci-time-tracker/.kiro/hooks/commit-on-task-end.kiro.hook";
        Assert.Equal("Stop", Assert.Single(HookFileReader.Read(KiroFixtures.Shared.Read(end), end, HookSource.Workspace).Hooks).Trigger);
    }

    [Fact]
    public void A_legacy_file_migrated_to_v1_beside_it_is_superseded_not_fired_twice()
    {
        var files = new[] { "gfargo__coco/.kiro/hooks/lint-on-save.kiro.hook", "gfargo__coco/.kiro/hooks/lint-on-save.json" }
            .Select(f => (f, KiroFixtures.Shared.Read(f), HookSource.Workspace)).ToList();
        var set = HookCatalog.Parse(files);
        var legacy = set.Hooks.Single(h => h.Format == HookFormat.Legacy);
        Assert.StartsWith("superseded by", legacy.Inactive);
        // The v1 file of this repository disables the hook, so nothing of it is active.
        Assert.Empty(set.Active);
    }

    [Fact]
    public void Our_legacy_hook_without_enabled_reads_as_an_enabled_save_hook_with_its_globs()
    {
        const string file = "tidy-notes/.kiro/hooks/update-readme.kiro.hook";
        var hook = Assert.Single(HookFileReader.Read(KiroFixtures.Own.Read(file), file, HookSource.Workspace).Hooks);
        Assert.Equal(("Keep the README in step", HookTriggers.PostFileSave, HookFormat.Legacy, HookActionType.Agent, true), (hook.Name, hook.Trigger, hook.Format, hook.ActionType, hook.Enabled));
        Assert.Equal(["src/services/**/*.ts", "db/migrations/*.sql", "package.json"], hook.Patterns);
    }

    [Fact]
    public void Our_v1_timeout_written_inside_the_action_is_read()
    {
        const string file = "ledger-sync/.kiro/hooks/commit-after-task.json";
        var hook = Assert.Single(HookFileReader.Read(KiroFixtures.Own.Read(file), file, HookSource.Workspace).Hooks);
        Assert.Equal((HookTriggers.PostTaskExec, 45, HookActionType.Command, HookFormat.V1), (hook.Trigger, hook.TimeoutSeconds, hook.ActionType, hook.Format));
    }

    [Fact]
    public void Our_legacy_spellings_and_keys_map_to_v1_triggers_patterns_and_timeouts()
    {
        // "fileSave" with a single "filePattern", as some real files spell it.
        var save = Hook("tidy-notes/.kiro/hooks/format-on-save.kiro.hook");
        Assert.Equal(HookTriggers.PostFileSave, save.Trigger);
        Assert.Equal(["src/**/*.svelte"], save.Patterns);
        Assert.Equal("Stop", Hook("tidy-notes/.kiro/hooks/commit-on-end.kiro.hook").Trigger);
        var checks = Hook("tidy-notes/.kiro/hooks/run-checks.kiro.hook");
        Assert.Equal((HookTriggers.Manual, HookActionType.Command, 300), (checks.Trigger, checks.ActionType, checks.TimeoutSeconds));
        Assert.Equal(HookTriggers.PostTaskExec, Hook("tidy-notes/.kiro/hooks/after-task.kiro.hook").Trigger);
        // An unknown key ("shortName") is ignored.
        var created = Hook("tidy-notes/.kiro/hooks/new-component.kiro.hook");
        Assert.Equal((HookTriggers.PostFileCreate, false), (created.Trigger, created.Enabled));
        // A BOM and CRLF line ends change nothing.
        Assert.Equal(["src/**/*.ts"], Hook("fenster-app/.kiro/hooks/speichern-pruefen.kiro.hook").Patterns);

        static HookDefinition Hook(string file)
        {
            var (hooks, findings) = HookFileReader.Read(KiroFixtures.Own.Read(file), file, HookSource.Workspace);
            Assert.DoesNotContain(findings, f => f.Severity == HookFinding.Error);
            return Assert.Single(hooks);
        }
    }

    [Fact]
    public void Our_v1_file_with_two_hooks_loads_both()
    {
        const string file = "ledger-sync/.kiro/hooks/guards.json";
        var hooks = HookFileReader.Read(KiroFixtures.Own.Read(file), file, HookSource.Workspace).Hooks;
        Assert.Equal([("Block writes to secrets", "PreToolUse", HookActionType.Command, 20), ("Remind about tests", "Stop", HookActionType.Agent, (int?)null)],
            hooks.Select(h => (h.Name, h.Trigger, h.ActionType, h.TimeoutSeconds)));
    }

    [Fact]
    public void Our_legacy_file_migrated_to_v1_beside_it_is_superseded_not_fired_twice()
    {
        var files = new[] { "ledger-sync/.kiro/hooks/docs-on-save.kiro.hook", "ledger-sync/.kiro/hooks/docs-on-save.json" }
            .Select(f => (f, KiroFixtures.Own.Read(f), HookSource.Workspace)).ToList();
        var set = HookCatalog.Parse(files);
        var legacy = set.Hooks.Single(h => h.Format == HookFormat.Legacy);
        Assert.StartsWith("superseded by", legacy.Inactive);
        // The v1 file disables the hook, so nothing of it is active.
        Assert.Empty(set.Active);
    }
}
