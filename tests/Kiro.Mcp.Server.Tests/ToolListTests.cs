using Kiro.Mcp.Server.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tests;

/// <summary>
/// The server lists its tools from Tools/ToolList.json and builds each from its method on its first call
/// (<see cref="ToolList"/>): the list must stay what the methods build, and listing must build nothing.
/// </summary>
public class ToolListTests
{
    [Fact]
    public async Task The_reviewed_list_is_what_the_tool_methods_build()
    {
        await using var server = await InProcessServer.StartAsync();
        var built = ToolSurfaceTests.Snapshot(ToolList.BuildFromMethods(server.Services));
        // A changed tool method, description or trimming rule: review the diff, then tools/update-golden.sh.
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(ToolSurfaceTests.ReviewedList, built);
        }
        Assert.Equal(File.ReadAllText(ToolSurfaceTests.ReviewedList), built);
    }

    [Fact]
    public async Task Listing_the_tools_builds_none_and_a_call_builds_only_its_own()
    {
        await using var server = await InProcessServer.StartAsync();
        var tools = server.Services.GetServices<McpServerTool>().OfType<ListedTool>().ToList();
        Assert.Equal((await server.Client.ListToolsAsync()).Count, tools.Count);
        Assert.All(tools, t => Assert.False(t.IsBuilt, $"{t.ProtocolTool.Name} was built before any call"));

        var result = await server.Client.CallToolAsync("spec_list", new Dictionary<string, object?>());

        Assert.NotEqual(true, result.IsError);
        Assert.Equal(["spec_list"], tools.Where(t => t.IsBuilt).Select(t => t.ProtocolTool.Name));
    }
}
