using System.Text.Json;
using Kiro.Mcp.Server.Team;

namespace Kiro.Mcp.Server.Tests.Team;

public class ToolRolesTests
{
    [Fact]
    public async Task Every_registered_tool_and_prompt_has_a_role_in_the_table()
    {
        await using var server = await InProcessServer.StartAsync();

        var tools = (await server.Client.ListToolsAsync()).Select(t => t.Name).ToList();
        var prompts = (await server.Client.ListPromptsAsync()).Select(p => p.Name).ToList();

        Assert.NotEmpty(tools);
        Assert.All(tools, t => Assert.True(ToolRoles.Tools.ContainsKey(t), $"{t} has no role in Team/ToolRoles.cs: add one."));
        Assert.All(prompts, p => Assert.True(ToolRoles.Prompts.ContainsKey(p), $"The prompt {p} has no role in Team/ToolRoles.cs: add one."));
    }

    [Theory]
    [InlineData("spec_read", Role.Reader)]
    [InlineData("hook_pending", Role.Reader)]
    [InlineData("spec_write", Role.Writer)]
    [InlineData("task_set_status", Role.Writer)]
    [InlineData("steering_write", Role.Writer)]
    [InlineData("spec_approve", Role.Approver)]
    [InlineData("hook_create", Role.Admin)]
    [InlineData("hook_run", Role.Admin)]
    [InlineData("audit_list", Role.Admin)]
    public void Each_area_needs_the_role_the_issue_gives_it(string tool, Role role) =>
        Assert.Equal(role, ToolRoles.Required(tool, null, trusted: true));

    [Fact]
    public void A_tool_missing_from_the_table_needs_admin() =>
        Assert.Equal(Role.Admin, ToolRoles.Listed("tool_added_later"));

    [Fact]
    public void Steering_generation_needs_admin_only_when_it_would_run_msbuild()
    {
        var dryRun = new Dictionary<string, JsonElement> { ["dryRun"] = JsonSerializer.SerializeToElement(true) };
        var notDry = new Dictionary<string, JsonElement> { ["dryRun"] = JsonSerializer.SerializeToElement(false) };

        Assert.Equal(Role.Admin, ToolRoles.Required("steering_generate", null, trusted: true));
        Assert.Equal(Role.Admin, ToolRoles.Required("steering_generate", notDry, trusted: true));
        Assert.Equal(Role.Writer, ToolRoles.Required("steering_generate", dryRun, trusted: true));
        Assert.Equal(Role.Writer, ToolRoles.Required("steering_generate", null, trusted: false));
        Assert.Equal(Role.Writer, ToolRoles.Listed("steering_generate"));
    }
}
