using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// Workspace trust against the built server: code from a repository (command hooks, verification commands, MSBuild
/// targets) runs only where the user trusts the workspace, a decision kept outside the repository.
/// </summary>
public class WorkspaceTrustTests
{
    [Fact]
    public async Task Untrusted_steering_generate_never_runs_the_repositorys_MSBuild_targets_and_says_how_to_trust()
    {
        using var workspace = MsBuildAttack(out var outside);
        await using (var server = await ServerConnection.StartStdioAsync(workspace.Root))
        {
            var result = await server.CallOkAsync("steering_generate", new { });

            Assert.Empty(Directory.GetFileSystemEntries(outside));
            Assert.False(Directory.Exists(workspace.PathOf("Evil/obj")));
            Assert.False(Directory.Exists(workspace.PathOf("Evil/bin")));
            Assert.Equal("project_files", result.GetProperty("dotNetAnalysis").GetString());
            var notes = string.Join("\n", result.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
            Assert.Contains("This workspace is not trusted", notes, StringComparison.Ordinal);
            Assert.Contains($"`{ServerConnection.TrustCommand} ", notes, StringComparison.Ordinal);
            Assert.Contains("--trust", notes, StringComparison.Ordinal);
            // Still useful untrusted: the project and its code are described from their files.
            Assert.Contains("Evil", workspace.Read(".kiro/steering/tech.md"), StringComparison.Ordinal);
            Assert.Contains("Attack", workspace.Read(".kiro/steering/structure.md"), StringComparison.Ordinal);
            // The documents carry no absolute path: how to trust is said only in the result.
            Assert.DoesNotContain(workspace.Root, workspace.Read(".kiro/steering/tech.md"), StringComparison.Ordinal);
        }

        // The same repository, trusted: MSBuild evaluates it and its targets run, so the check above is not vacuous.
        await using (var trusted = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]))
        {
            var result = await trusted.CallOkAsync("steering_generate", new { });
            Assert.NotEqual("project_files", result.GetProperty("dotNetAnalysis").GetString());
            Assert.True(File.Exists(Path.Combine(outside, "initial.pwned")), "InitialTargets ran in the trusted workspace");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dry_run_leaves_every_byte_as_it_was_including_obj_and_bin(bool trusted)
    {
        using var workspace = GreeterRepository.Create();
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: trusted ? [ServerConnection.Trust] : []);
        await server.CallOkAsync("spec_list", new { });
        var before = workspace.Snapshot();

        var result = await server.CallOkAsync("steering_generate", new { dryRun = true });

        Assert.All(result.GetProperty("documents").EnumerateArray(), d => Assert.False(d.GetProperty("written").GetBoolean()));
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public async Task Untrusted_command_hooks_do_not_run_agent_hooks_do_and_kiro_mcp_trust_takes_effect_at_once()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("src/app.txt", "v1\n");
        workspace.Write(".kiro/hooks/both.json", """
            {
              "version": "v1",
              "hooks": [
                { "name": "Run on save", "trigger": "PostFileSave", "matcher": "^src/", "action": { "type": "command", "command": "echo ran >> command-ran.out" } },
                { "name": "Tell on save", "trigger": "PostFileSave", "matcher": "^src/", "action": { "type": "agent", "prompt": "Review src." } },
                { "name": "Stamp", "trigger": "Manual", "action": { "type": "command", "command": "echo stamped > stamp.out" } }
              ]
            }
            """);
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root);

        var refused = await server.CallErrorAsync("hook_run", new { name = "Stamp" }, "workspace_untrusted");
        Assert.Contains("This workspace is not trusted, so its command hooks do not run", refused, StringComparison.Ordinal);
        Assert.Contains($"`{ServerConnection.TrustCommand} {workspace.Root}`", refused, StringComparison.Ordinal);
        Assert.Contains("--trust", refused, StringComparison.Ordinal);
        var list = await server.CallOkAsync("hook_list", new { });
        Assert.False(list.GetProperty("trusted").GetBoolean());
        Assert.False(list.GetProperty("commandHooks").GetBoolean());
        Assert.Contains(ServerConnection.TrustCommand, list.GetProperty("trust").GetString(), StringComparison.Ordinal);
        var hooks = list.GetProperty("hooks").EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!);
        Assert.False(hooks["Run on save"].GetProperty("fires").GetBoolean());
        Assert.True(hooks["Tell on save"].GetProperty("fires").GetBoolean());
        var created = await server.CallOkAsync("hook_create", new { name = "Later", trigger = "Manual", actionType = "command", command = "echo later > later.out" });
        Assert.Contains(ServerConnection.TrustCommand, created.GetProperty("nextStep").GetString(), StringComparison.Ordinal);

        // A save fires the agent hook (its prompt reaches the assistant) and not the command hook.
        workspace.Write("src/app.txt", "v2\n");
        await WaitForPendingAsync(server.Client);
        Assert.False(File.Exists(workspace.PathOf("command-ran.out")));
        Assert.False(File.Exists(workspace.PathOf("stamp.out")));

        // The user trusts the workspace from a terminal by running exactly the command the refusal gave;
        // the running server reads the list at its next call.
        var given = refused.Split('`')[1].Split(' ');
        Assert.Equal("trust", given[^2]);
        var (exitCode, output) = await ServerConnection.RunAsync(given[0], given[1..]);
        Assert.True(exitCode == 0, output);
        var run = await server.CallOkAsync("hook_run", new { name = "Stamp" });
        Assert.Equal("ok", run.GetProperty("run").GetProperty("outcome").GetString());
        Assert.Equal("stamped\n", workspace.Read("stamp.out"));
        Assert.True((await server.CallOkAsync("hook_list", new { })).GetProperty("trusted").GetBoolean());
        workspace.Write("src/app.txt", "v3\n");
        await Poll.UntilAsync(() => File.Exists(workspace.PathOf("command-ran.out")), "the command hook after trusting");
    }

    [Fact]
    public async Task Untrusted_verification_commands_do_not_run_and_the_task_is_not_marked_done_unverified()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/settings/kiro-mcp.json", """{"verify": {"command": "echo ran > settings-verify.out", "timeoutSeconds": 60}}""");
        await using (var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: ["--no-command-hooks"]))
        {
            await QuickSpecAsync(server, """
                # Implementation Plan

                - [ ] 1. Store workouts
                  - _Requirements: 1.1_
                  - _Verify: echo ran > task-verify.out_

                - [ ] 2. List workouts
                  - _Requirements: 1.1_

                """);
            await server.CallOkAsync("task_start", new { spec = "gate", taskId = "1" });
            var refused = await server.CallErrorAsync("task_complete", new { spec = "gate", taskId = "1" }, "workspace_untrusted");
            Assert.Contains("This workspace is not trusted, so its verification command (`echo ran > task-verify.out`) does not run", refused, StringComparison.Ordinal);
            Assert.Contains($"`{ServerConnection.TrustCommand} {workspace.Root}`", refused, StringComparison.Ordinal);
            Assert.Contains("verify: false", refused, StringComparison.Ordinal);
            Assert.False(File.Exists(workspace.PathOf("task-verify.out")));
            Assert.Contains("- [-] 1.", workspace.Read(".kiro/specs/gate/tasks.md"), StringComparison.Ordinal);

            // The workspace default (verify.command) is the repository's too.
            await server.CallOkAsync("task_start", new { spec = "gate", taskId = "2" });
            await server.CallErrorAsync("task_complete", new { spec = "gate", taskId = "2" }, "workspace_untrusted");
            Assert.False(File.Exists(workspace.PathOf("settings-verify.out")));

            // Skipping verification is an explicit choice, recorded as such.
            var done = await server.CallOkAsync("task_complete", new { spec = "gate", taskId = "1", verify = false });
            Assert.True(done.GetProperty("completed").GetBoolean());
            Assert.Contains("(not verified)", done.GetProperty("nextStep").GetString(), StringComparison.Ordinal);
        }

        await using (var trusted = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]))
        {
            var done = await trusted.CallOkAsync("task_complete", new { spec = "gate", taskId = "2" });
            Assert.True(done.GetProperty("completed").GetBoolean());
            Assert.Equal("ran\n", workspace.Read("settings-verify.out"));
        }
    }

    [Fact]
    public async Task Nothing_inside_the_repository_can_mark_it_trusted()
    {
        using var workspace = new TempWorkspace();
        var claim = JsonSerializer.Serialize(new { version = 1, trusted = new[] { workspace.Root } });
        workspace.Write(".kiro/settings/kiro-mcp.json", """{"trusted": true, "trust": true}""");
        workspace.Write(".kiro/settings/trusted.json", claim);
        workspace.Write(".kiro/kiro-mcp/trusted.json", claim);
        workspace.Write(".kiro/hooks/stamp.json", """
            { "version": "v1", "hooks": [ { "name": "Stamp", "trigger": "Manual", "action": { "type": "command", "command": "echo stamped > stamp.out" } } ] }
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(workspace.PathOf(".kiro/kiro-mcp/trusted.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Even a user folder pointed into the repository (its .kiro holds a list naming it) is not read for trust.
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, userKiro: workspace.PathOf(".kiro"));

        var refused = await server.CallErrorAsync("hook_run", new { name = "Stamp" }, "workspace_untrusted");
        Assert.Contains("inside this workspace", refused, StringComparison.Ordinal);
        Assert.False((await server.CallOkAsync("hook_list", new { })).GetProperty("trusted").GetBoolean());
        Assert.False(File.Exists(workspace.PathOf("stamp.out")));
    }

    [Fact]
    public async Task Trust_and_untrust_keep_the_canonical_path_in_the_users_list_and_trust_no_sub_folder()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Symbolic links need privileges on Windows.");
        using var workspace = new TempWorkspace();
        Directory.CreateDirectory(workspace.PathOf("sub"));
        var link = Path.Combine(workspace.Parent, "link");
        Directory.CreateSymbolicLink(link, workspace.Root);

        var (exitCode, output) = await ServerConnection.RunCommandAsync(workspace.Root, "trust", link);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Trusted {workspace.Root}", output, StringComparison.Ordinal);
        var file = Path.Combine(ServerConnection.UserKiroDirectory(workspace.Root), "kiro-mcp", "trusted.json");
        var listed = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("trusted").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal([workspace.Root], listed);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        Assert.Equal(workspace.Root, (await ServerConnection.RunCommandAsync(workspace.Root, "trust", "--list")).Output.Trim());

        await using (var server = await ServerConnection.StartStdioAsync(link, userKiro: ServerConnection.UserKiroDirectory(workspace.Root)))
        {
            Assert.True((await server.CallOkAsync("hook_list", new { })).GetProperty("trusted").GetBoolean());
        }
        await using (var sub = await ServerConnection.StartStdioAsync(workspace.PathOf("sub"), userKiro: ServerConnection.UserKiroDirectory(workspace.Root)))
        {
            Assert.False((await sub.CallOkAsync("hook_list", new { })).GetProperty("trusted").GetBoolean());
        }

        (exitCode, output) = await ServerConnection.RunCommandAsync(workspace.Root, "untrust", workspace.Root);
        Assert.True(exitCode == 0, output);
        Assert.Contains("no longer trusted", output, StringComparison.Ordinal);
        Assert.Equal("", (await ServerConnection.RunCommandAsync(workspace.Root, "trust", "--list")).Output.Trim());
    }

    /// <summary>
    /// A repository whose projects run commands when MSBuild evaluates them: an InitialTargets target, a target hooked
    /// before compilation, one imported from Directory.Build.targets, and a property function. Each would write a file
    /// in <paramref name="outside"/>, a folder beside the workspace.
    /// </summary>
    private static TempWorkspace MsBuildAttack(out string outside)
    {
        var workspace = new TempWorkspace();
        var folder = outside = Path.Combine(workspace.Parent, "outside");
        Directory.CreateDirectory(outside);
        string Touch(string name) => $"touch &quot;{Path.Combine(folder, name)}&quot;";
        workspace.Write("README.md", "# Evil\n\nA repository that runs commands when its projects are evaluated.\n");
        workspace.Write("Evil/Evil.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk" InitialTargets="KiroInitial">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <Target Name="KiroInitial">
                <Exec Command="{Touch("initial.pwned")}" />
              </Target>
              <Target Name="KiroBeforeCompile" BeforeTargets="CoreCompile;ResolveAssemblyReferences;GenerateMSBuildEditorConfigFileShouldRun">
                <Exec Command="{Touch("exec.pwned")}" />
              </Target>
            </Project>
            """);
        workspace.Write("Evil/Attack.cs", "namespace Attack;\n\npublic static class Payload\n{\n    public static void Main() { }\n}\n");
        workspace.Write("Directory.Build.targets", $"""
            <Project>
              <Target Name="KiroImported" BeforeTargets="CoreCompile;ResolveAssemblyReferences">
                <Exec Command="{Touch("imported.pwned")}" />
              </Target>
            </Project>
            """);
        workspace.Write("Sneaky/Sneaky.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Probe>$([System.IO.Directory]::CreateDirectory('{Path.Combine(outside, "property.pwned")}'))</Probe>
              </PropertyGroup>
            </Project>
            """);
        Git.Init(workspace.Root);
        Git.CommitAll(workspace.Root, "Evil");
        return workspace;
    }

    private static async Task QuickSpecAsync(ServerConnection server, string tasks)
    {
        await server.CallOkAsync("spec_create", new { name = "gate", quick = true });
        await server.CallOkAsync("spec_write", new { spec = "gate", document = "requirements", content = WorkoutSpec.Requirements });
        await server.CallOkAsync("spec_write", new { spec = "gate", document = "design", content = WorkoutSpec.Design });
        await server.CallOkAsync("spec_write", new { spec = "gate", document = "tasks", content = tasks });
    }

    private static async Task WaitForPendingAsync(McpClient client) =>
        await Poll.UntilAsync(async () =>
        {
            var read = await client.ReadResourceAsync("kiro://workspace/hooks/pending");
            var text = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text;
            return JsonDocument.Parse(text).RootElement.GetProperty("prompts").GetArrayLength() > 0;
        }, "an agent hook prompt to be pending");
}
