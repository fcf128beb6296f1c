using Kiro.Mcp.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace Kiro.Mcp.Server.Tests.Workspaces;

public class WatchBudgetSurfaceTests
{
    [Fact]
    public async Task A_workspace_beyond_the_servers_watch_budget_is_polled_and_hook_list_says_so()
    {
        // One watch for the whole server: the workspace has more folders than that.
        await using var server = await InProcessServer.StartAsync(services => services.AddSingleton(new WatchBudget(1)));
        // Without file hooks only the root and .kiro are watched: folders there are what the budget is short of.
        Directory.CreateDirectory(Path.Combine(server.Workspace, ".kiro", "specs", "api"));

        var list = await server.Client.CallToolAsync("hook_list", new Dictionary<string, object?>(), cancellationToken: TestContext.Current.CancellationToken);

        var findings = list.StructuredContent!.Value.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("reason").GetString()!).ToList();
        Assert.Contains(findings, f => f.Contains("polling", StringComparison.Ordinal) && f.Contains("budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Within_the_budget_hook_list_reports_no_watching_problem()
    {
        await using var server = await InProcessServer.StartAsync();

        var list = await server.Client.CallToolAsync("hook_list", new Dictionary<string, object?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(list.StructuredContent!.Value.GetProperty("findings").EnumerateArray(), f => f.GetProperty("reason").GetString()!.Contains("polling", StringComparison.Ordinal));
    }
}
