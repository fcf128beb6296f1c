using System.Globalization;
using System.Text;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// A client that gives up on a long call (notifications/cancelled) gets the server back: the work stops
/// where it is, as the server's log says, instead of running on for nobody. The signal is the log line,
/// not a time: the call is cancelled once the server has said it started, on a spec large enough that
/// the work is still going on then.
/// </summary>
public class CancellationTests
{
    [Fact]
    public async Task A_cancelled_task_plan_on_a_huge_spec_stops_and_the_next_call_is_answered()
    {
        using var workspace = new TempWorkspace();
        WriteChain(workspace, 200_000);
        await using var server = await ServerConnection.StartAsync(Transport.Stdio, workspace.Root);
        await server.CallOkAsync("spec_list", new { });

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var call = server.Client.CallToolAsync("task_plan", new Dictionary<string, object?> { ["spec"] = "chain" }, cancellationToken: cancel.Token).AsTask();
        await Poll.UntilAsync(() => server.Stderr.Any(l => l.Contains("Tool task_plan started", StringComparison.Ordinal)), "the server to start task_plan");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Poll.UntilAsync(() => server.Stderr.Any(l => l.Contains("Tool task_plan stopped: the client cancelled it", StringComparison.Ordinal)),
            "the server to log that task_plan stopped");
        Assert.DoesNotContain(server.Stderr, l => l.Contains("Tool task_plan completed", StringComparison.Ordinal));
        var list = await server.CallOkAsync("spec_list", new { });
        Assert.Equal("chain", list.GetProperty("specs")[0].GetProperty("name").GetString());
    }

    /// <summary>A quick-mode spec whose tasks.md is a chain: every task depends on the one before.</summary>
    private static void WriteChain(TempWorkspace workspace, int count)
    {
        workspace.Write(".kiro/specs/chain/.config.kiro", """{"specId": "1", "workflowType": "requirements-first", "specType": "feature"}""");
        workspace.Write(".kiro/specs/chain/.workflow.json", """{"quick": true, "approvals": {}}""");
        workspace.Write(".kiro/specs/chain/requirements.md", "# Requirements\n\n### Requirement 1: Chain\n\n#### Acceptance Criteria\n\n1. WHEN a step runs THE System SHALL run it\n");
        var tasks = new StringBuilder("# Implementation Plan\n\n");
        for (var i = 1; i <= count; i++)
        {
            tasks.Append(CultureInfo.InvariantCulture, $"- [ ] {i}. Step {i}\n");
            if (i > 1)
            {
                tasks.Append(CultureInfo.InvariantCulture, $"  - _Depends: {i - 1}_\n");
            }
        }
        workspace.Write(".kiro/specs/chain/tasks.md", tasks.ToString());
    }
}
