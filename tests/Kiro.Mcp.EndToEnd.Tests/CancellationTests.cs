using System.Text.Json;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// A client that gives up on a long call (notifications/cancelled) gets the server back: the work stops
/// where it is, as the server's log says, instead of running on for nobody. The long call is a task
/// verification that would run for ten minutes, so whether the work is still going when the cancel
/// arrives does not depend on the machine's speed (a huge task_plan did, and a loaded CI machine lost
/// that race); the signals are the log line and the command's own process, not a time.
/// Over HTTP the notification is sent by hand: under the 2025-11-25 protocol a dropped stream is not a
/// cancellation (our streams are resumable), and the SDK 2.4 C# client only drops the stream when its
/// token fires (modelcontextprotocol/csharp-sdk#1377), where the TypeScript client sends the notification.
/// </summary>
public class CancellationTests
{
    [Theory]
    [MemberData(nameof(SpecWorkflowTests.Transports), MemberType = typeof(SpecWorkflowTests))]
    public async Task A_cancelled_verification_stops_its_command_and_the_next_call_is_answered(Transport transport)
    {
        using var workspace = SlowVerification();
        await using var server = await ServerConnection.StartAsync(transport, workspace.Root, extraArgs: [ServerConnection.Trust]);
        await server.CallOkAsync("task_start", new { spec = "slow", taskId = "1" });

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var id = new RequestId("slow-verification");
        var call = server.Client.SendRequestAsync<CallToolRequestParams, CallToolResult>(RequestMethods.ToolsCall,
            new CallToolRequestParams { Name = "task_complete", Arguments = new Dictionary<string, JsonElement> { ["spec"] = Json("slow"), ["taskId"] = Json("1") } },
            requestId: id, cancellationToken: cancel.Token).AsTask();
        var pid = await Processes.PidWrittenToAsync(workspace.PathOf("verify.pid"), "the verification command to start");
        Assert.True(Directory.Exists($"/proc/{pid}"), "the verification's shell runs");
        await cancel.CancelAsync();
        if (transport == Transport.Http)
        {
            await server.Client.SendNotificationAsync(NotificationMethods.CancelledNotification, new CancelledNotificationParams { RequestId = id },
                cancellationToken: TestContext.Current.CancellationToken);
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Poll.UntilAsync(() => server.Stderr.Any(l => l.Contains("Tool task_complete stopped: the client cancelled it", StringComparison.Ordinal)),
            "the server to log that task_complete stopped");
        await Poll.UntilAsync(() => !Directory.Exists($"/proc/{pid}"), "the verification's shell to be killed");
        Assert.DoesNotContain(server.Stderr, l => l.Contains("Tool task_complete completed", StringComparison.Ordinal));
        Assert.Contains("- [-] 1. Wait", workspace.Read(".kiro/specs/slow/tasks.md"));
        var next = await server.CallOkAsync("task_next", new { spec = "slow" });
        Assert.Equal("1", next.GetProperty("task").GetProperty("id").GetString());
    }

    /// <summary>
    /// The server's supervisor stops it (docker stop, systemd: SIGTERM, SIGKILL after a grace period) while a call runs a
    /// ten-minute verification: the command is killed with the call, the client is told, the task stays open, and the
    /// server is gone within the grace period. The host used to wait 30 s for the call, then abort it unanswered.
    /// </summary>
    [Fact]
    public async Task A_server_stopped_during_a_verification_kills_the_command_answers_the_call_and_leaves_the_task_open()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals and /proc");
        using var workspace = SlowVerification();
        var (server, stderr, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, [ServerConnection.Trust]);
        int? pid = null;
        try
        {
            await using var assistant = await ServerConnection.AttachHttpAsync(endpoint, "assistant");
            await assistant.CallOkAsync("task_start", new { spec = "slow", taskId = "1" });
            var call = assistant.CallAsync("task_complete", new { spec = "slow", taskId = "1" });
            pid = await Processes.PidWrittenToAsync(workspace.PathOf("verify.pid"), "the verification command to start");

            Processes.AssertStopsOnSigterm(server, stderr);

            Assert.False(Processes.IsRunning(pid.Value), "the verification's shell outlived the server");
            var result = await call.WaitAsync(Processes.GracePeriod, TestContext.Current.CancellationToken);
            Assert.True(result.IsError);
            Assert.StartsWith("[server_stopping]", ServerConnection.Text(result));
            Assert.Contains("- [-] 1. Wait", workspace.Read(".kiro/specs/slow/tasks.md"));
        }
        finally
        {
            ServerConnection.Stop(server);
            if (pid is { } shell)
            {
                Processes.KillIfRunning(shell);
            }
        }
    }

    /// <summary>A quick spec with one task whose verification writes its shell's pid and then waits ten minutes.</summary>
    private static TempWorkspace SlowVerification()
    {
        var workspace = new TempWorkspace();
        workspace.Write(".kiro/specs/slow/.config.kiro", """{"specId": "1", "workflowType": "requirements-first", "specType": "feature"}""");
        workspace.Write(".kiro/specs/slow/.workflow.json", """{"quick": true, "approvals": {}}""");
        workspace.Write(".kiro/specs/slow/requirements.md", "# Requirements\n\n### Requirement 1: Slow\n\n#### Acceptance Criteria\n\n1. WHEN the check runs THE System SHALL wait\n");
        workspace.Write(".kiro/specs/slow/tasks.md", "# Implementation Plan\n\n- [ ] 1. Wait\n  - _Requirements: 1.1_\n");
        workspace.Write(".kiro/settings/kiro-mcp.json", """{"verify": {"command": "echo $$ > verify.pid; sleep 600", "timeoutSeconds": 900}}""");
        return workspace;
    }

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value);
}
