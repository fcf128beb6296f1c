using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>Agent hooks from .kiro/hooks fired by real file saves and task starts, against the built server.</summary>
public class HookTests
{
    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task A_hook_created_with_hook_create_fires_when_a_matching_file_is_saved_on_disk(Transport transport)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("notes/todo.txt", "first\n");
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root, extraArgs: [ServerConnection.Trust]);

        var created = await server.CallOkAsync("hook_create", new
        {
            name = "Record saves",
            trigger = "PostFileSave",
            matcher = @"\.txt$",
            actionType = "command",
            command = "cat > fired.json; printf '%s' \"$KIRO_FILE_PATH\" > fired-env.out",
        });
        Assert.Equal(".kiro/hooks/record-saves.json", created.GetProperty("file").GetString());
        var file = JsonDocument.Parse(workspace.Read(".kiro/hooks/record-saves.json")).RootElement;
        Assert.Equal("v1", file.GetProperty("version").GetString());
        Assert.Equal("PostFileSave", file.GetProperty("hooks")[0].GetProperty("trigger").GetString());

        workspace.Write("notes/other.md", "not matched\n");
        workspace.Write("notes/todo.txt", "second\n");

        await Poll.UntilAsync(() => File.Exists(workspace.PathOf("fired-env.out")), "the hook's marker file");
        await Poll.UntilAsync(() => workspace.Read("fired-env.out").Length > 0, "the marker's content");
        Assert.Equal("notes/todo.txt", workspace.Read("fired-env.out"));
        var input = JsonDocument.Parse(workspace.Read("fired.json")).RootElement;
        Assert.Equal("PostFileSave", input.GetProperty("hook_event_name").GetString());
        Assert.Equal(["notes/todo.txt"], input.GetProperty("file_paths").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(Path.GetFullPath(workspace.Root), Path.GetFullPath(input.GetProperty("cwd").GetString()!));

        // The run is recorded when it ends, after its leftover processes were looked for: wait for the record.
        JsonElement run = default;
        await Poll.UntilAsync(async () =>
        {
            var history = await server.CallOkAsync("hook_history", new { });
            run = history.GetProperty("runs").EnumerateArray().FirstOrDefault(r => r.GetProperty("hook").GetString() == "Record saves");
            return run.ValueKind == JsonValueKind.Object;
        }, "the run's record");
        Assert.Equal("ok", run.GetProperty("outcome").GetString());
        Assert.Equal(0, run.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task An_agent_hook_prompt_reaches_the_assistant_exactly_once()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("docs/guide.md", "# Guide\n");
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root);
        await server.CallOkAsync("hook_create", new
        {
            name = "Docs review",
            trigger = "PostFileSave",
            matcher = @"^docs/.*\.md$",
            actionType = "agent",
            prompt = "Check the edited guide for broken links.",
        });

        // First delivery: appended to the next tool result, and to no later one.
        workspace.Write("docs/guide.md", "# Guide\n\nSee [setup](setup.md).\n");
        await WaitForPendingAsync(server.Client);
        var next = await server.CallAsync("hook_list", new { });
        var notice = Assert.Single(Notices(next));
        Assert.Contains("Docs review", notice);
        Assert.Contains("Check the edited guide for broken links.", notice);
        Assert.Contains("docs/guide.md", notice);
        // The same prompt in the structured result, for clients that show the model only structured content.
        var structured = Assert.Single(next.StructuredContent!.Value.GetProperty("hookPrompts").EnumerateArray());
        Assert.Equal("Docs review", structured.GetProperty("hook").GetString());
        Assert.Equal("Check the edited guide for broken links.", structured.GetProperty("prompt").GetString());
        Assert.Contains("docs/guide.md", structured.GetProperty("event").GetString());
        var later = await server.CallAsync("hook_list", new { });
        Assert.Empty(Notices(later));
        Assert.False(later.StructuredContent!.Value.TryGetProperty("hookPrompts", out _));
        var none = await server.CallOkAsync("hook_pending", new { });
        Assert.Empty(none.GetProperty("prompts").EnumerateArray());

        // Second delivery: hook_pending hands it out, once, and no tool result repeats it.
        workspace.Write("docs/guide.md", "# Guide\n\nSee [setup](setup.md) and [faq](faq.md).\n");
        await WaitForPendingAsync(server.Client);
        var pendingResult = await server.CallAsync("hook_pending", new { });
        var pending = pendingResult.StructuredContent!.Value;
        var prompt = Assert.Single(pending.GetProperty("prompts").EnumerateArray());
        Assert.Equal("Check the edited guide for broken links.", prompt.GetProperty("prompt").GetString());
        Assert.Empty(Notices(pendingResult));
        Assert.Empty((await server.CallOkAsync("hook_pending", new { })).GetProperty("prompts").EnumerateArray());
        Assert.Empty(Notices(await server.CallAsync("hook_list", new { })));
    }

    [Fact]
    public async Task A_PreTaskExec_hook_that_exits_with_2_blocks_task_start_and_an_edit_on_disk_lifts_it()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]);
        await QuickSpecAsync(server);
        workspace.Write(".kiro/hooks/clean-tree.json", PreTaskHook("echo 'Commit or stash your changes first.' >&2; exit 2"));

        var refused = await server.CallErrorAsync("task_start", new { spec = "gate", taskId = "1" }, "task_start_refused");
        Assert.Contains("Commit or stash your changes first.", refused);
        Assert.Contains("- [ ] 1.", workspace.Read(".kiro/specs/gate/tasks.md"));

        // The hook file changes on disk; the server reads it again without a restart.
        workspace.Write(".kiro/hooks/clean-tree.json", PreTaskHook("cat > pre-task.json"));
        await server.CallOkAsync("task_start", new { spec = "gate", taskId = "1" });
        Assert.Contains("- [-] 1.", workspace.Read(".kiro/specs/gate/tasks.md"));
        var input = JsonDocument.Parse(workspace.Read("pre-task.json")).RootElement;
        Assert.Equal("PreTaskExec", input.GetProperty("hook_event_name").GetString());
        Assert.Equal("gate", input.GetProperty("spec").GetString());
        Assert.Equal("1", input.GetProperty("task_id").GetString());
        Assert.Equal("in_progress", input.GetProperty("task_status").GetString());
    }

    [Fact]
    public async Task A_hung_command_is_killed_at_its_timeout_with_its_whole_process_tree()
    {
        using var workspace = new TempWorkspace();
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]);
        await server.CallOkAsync("hook_create", new
        {
            name = "Hang",
            trigger = "Manual",
            actionType = "command",
            command = "echo $$ > shell.pid; sleep 600 & echo $! > child.pid; wait",
            timeout = 3,
        });

        var result = await server.CallOkAsync("hook_run", new { name = "Hang" });
        var run = result.GetProperty("run");
        Assert.Equal("timed_out", run.GetProperty("outcome").GetString());
        Assert.Contains("killed after 3 s", run.GetProperty("outputTail").GetString());

        // Both the shell and the sleep it started in the background must be gone, not merely orphaned.
        foreach (var pidFile in new[] { "shell.pid", "child.pid" })
        {
            var pid = int.Parse(workspace.Read(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            await Poll.UntilAsync(() => !IsRunning(pid), $"process {pid} ({pidFile}) to end");
        }
    }

    [Fact]
    public async Task Fifty_quick_saves_fire_a_hook_once_or_a_few_times_never_fifty()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("storm/data.txt", "0\n");
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]);
        await server.CallOkAsync("hook_create", new { name = "Storm", trigger = "PostFileSave", matcher = "^storm/", actionType = "command", command = "echo run >> runs.out" });
        await server.CallOkAsync("hook_create", new { name = "Sentinel", trigger = "PostFileCreate", matcher = "^sentinel", actionType = "command", command = "echo done > sentinel.out" });

        for (var i = 1; i <= 50; i++)
        {
            File.WriteAllText(workspace.PathOf("storm/data.txt"), $"{i}\n");
        }
        await Poll.UntilAsync(() => File.Exists(workspace.PathOf("runs.out")), "the storm hook's first run");
        workspace.Write("sentinel.txt", "after the storm\n");
        await Poll.UntilAsync(() => File.Exists(workspace.PathOf("sentinel.out")), "the sentinel hook");

        var runs = File.ReadAllLines(workspace.PathOf("runs.out")).Length;
        Assert.InRange(runs, 1, 5);
    }

    [Fact]
    public async Task No_command_hooks_refuses_command_hooks_while_agent_hooks_still_fire()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("src/app.txt", "v1\n");
        workspace.Write(".kiro/hooks/both.json", """
            {
              "version": "v1",
              "hooks": [
                { "name": "Run on save", "trigger": "PostFileSave", "matcher": "^src/", "action": { "type": "command", "command": "echo ran > command-ran.out" } },
                { "name": "Tell on save", "trigger": "PostFileSave", "matcher": "^src/", "action": { "type": "agent", "prompt": "Review src." } }
              ]
            }
            """);
        await using var server = await ServerConnection.StartHttpAsync(workspace.Root, ["--no-command-hooks", ServerConnection.Trust]);

        await server.CallErrorAsync("hook_create", new { name = "New", trigger = "PostFileSave", actionType = "command", command = "echo hi" }, "command_hooks_disabled");
        await server.CallErrorAsync("hook_run", new { name = "Run on save" }, "command_hooks_disabled");
        var list = await server.CallOkAsync("hook_list", new { });
        Assert.False(list.GetProperty("commandHooks").GetBoolean());
        var hooks = list.GetProperty("hooks").EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!);
        Assert.False(hooks["Run on save"].GetProperty("fires").GetBoolean());
        Assert.True(hooks["Tell on save"].GetProperty("fires").GetBoolean());

        workspace.Write("src/app.txt", "v2\n");
        await WaitForPendingAsync(server.Client);
        Assert.False(File.Exists(workspace.PathOf("command-ran.out")));
        var history = await server.CallOkAsync("hook_history", new { });
        Assert.DoesNotContain(history.GetProperty("runs").EnumerateArray(), r => r.GetProperty("hook").GetString() == "Run on save");
    }

    [Fact]
    public async Task A_malformed_hook_file_is_reported_with_file_and_line_while_other_hooks_work()
    {
        using var workspace = new TempWorkspace();
        workspace.Write(".kiro/hooks/broken.json", "{\n  \"version\": \"v1\",\n  \"hooks\": [\n    { \"name\": \"x\", \n");
        workspace.Write(".kiro/hooks/good.kiro.hook", """
            {"name": "Good", "version": "1", "when": {"type": "userTriggered"}, "then": {"type": "runCommand", "command": "echo good > good.out"}}
            """);
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]);

        var list = await server.CallOkAsync("hook_list", new { });
        var finding = Assert.Single(list.GetProperty("findings").EnumerateArray());
        Assert.Equal(".kiro/hooks/broken.json", finding.GetProperty("file").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.InRange(finding.GetProperty("line").GetInt32(), 4, 5);
        Assert.Equal("Manual", Assert.Single(list.GetProperty("hooks").EnumerateArray()).GetProperty("trigger").GetString());
        var run = await server.CallOkAsync("hook_run", new { name = "Good" });
        Assert.Equal("ok", run.GetProperty("run").GetProperty("outcome").GetString());
        Assert.Equal("good\n", workspace.Read("good.out"));
    }

    private static async Task WaitForPendingAsync(McpClient client) =>
        await Poll.UntilAsync(async () =>
        {
            var read = await client.ReadResourceAsync("kiro://workspace/hooks/pending");
            var text = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text;
            return JsonDocument.Parse(text).RootElement.GetProperty("prompts").GetArrayLength() > 0;
        }, "an agent hook prompt to be pending");

    private static List<string> Notices(CallToolResult result) =>
        result.Content.OfType<TextContentBlock>().Select(t => t.Text).Where(t => t.StartsWith("[hook]", StringComparison.Ordinal)).ToList();

    private static string PreTaskHook(string command) => JsonSerializer.Serialize(new
    {
        version = "v1",
        hooks = new[] { new { name = "Clean tree", trigger = "PreTaskExec", action = new { type = "command", command }, timeout = 60 } },
    });

    private static async Task QuickSpecAsync(ServerConnection server)
    {
        await server.CallOkAsync("spec_create", new { name = "gate", quick = true });
        await server.CallOkAsync("spec_write", new { spec = "gate", document = "requirements", content = WorkoutSpec.Requirements });
        await server.CallOkAsync("spec_write", new { spec = "gate", document = "design", content = WorkoutSpec.Design });
        await server.CallOkAsync("spec_write", new { spec = "gate", document = "tasks", content = "# Implementation Plan\n\n- [ ] 1. Store workouts\n  - _Requirements: 1.1_\n" });
    }

    /// <summary>
    /// True while the process exists and is not a zombie. A killed process whose parent died is
    /// re-parented to PID 1, which in a container may never reap it: it stays listed, as a zombie
    /// ('Z'), but it runs nothing and holds nothing.
    /// </summary>
    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return false;
            }
            try
            {
                var text = File.ReadAllText(stat);
                return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
            }
            catch (IOException)
            {
                return false;
            }
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
