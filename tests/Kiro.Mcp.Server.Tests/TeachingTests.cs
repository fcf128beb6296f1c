using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Server.Tests;

/// <summary>
/// An assistant learns the workflow only from what the tools say: verification (_Verify:, verify.command)
/// and dependencies (_Depends:) must be findable before a task is completed unverified.
/// </summary>
public class TeachingTests
{
    [Fact]
    public async Task The_tool_list_and_the_workflow_prompt_say_how_verification_and_dependencies_work()
    {
        await using var server = await InProcessServer.StartAsync();

        var complete = (await server.Client.ListToolsAsync()).Single(t => t.Name == "task_complete");
        Assert.Contains("_Verify:", complete.Description);
        Assert.Contains(".kiro/settings/kiro-mcp.json", complete.Description);

        var prompt = await server.Client.GetPromptAsync("spec_workflow", new Dictionary<string, object?> { ["description"] = "a todo list" });
        var text = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.Contains("_Verify:", text);
        Assert.Contains("\"verify\": {\"command\"", text);
        Assert.Contains("_Depends:", text);
    }

    [Fact]
    public async Task The_tasks_guidance_and_template_show_verify_and_depends_lines()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Client.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "taught", ["quick"] = true });
        await server.Client.CallToolAsync("spec_write", new Dictionary<string, object?>
        {
            ["spec"] = "taught", ["document"] = "requirements",
            ["content"] = "# Requirements Document\n\n## Requirements\n\n### Requirement 1: Items\n\n**User Story:** As a user, I want items, so that I remember.\n\n#### Acceptance Criteria\n\n1. WHEN the user adds an item, THE App SHALL store it.\n",
        });
        await server.Client.CallToolAsync("spec_write", new Dictionary<string, object?> { ["spec"] = "taught", ["document"] = "design", ["content"] = "# Design Document\n\n## Overview\n\nA list.\n" });

        var status = await server.Client.CallToolAsync("spec_status", new Dictionary<string, object?> { ["spec"] = "taught" });

        var next = status.StructuredContent!.Value.GetProperty("nextAction").GetString()!;
        Assert.Contains("Write tasks.md", next);
        Assert.Contains("_Verify: <command>_", next);
        Assert.Contains("_Depends: 1.2, 3_", next);
    }

    [Fact]
    public async Task Spec_validate_gives_an_info_finding_when_no_task_can_be_verified_and_none_once_one_can()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Client.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "unchecked", ["quick"] = true });
        await server.Client.CallToolAsync("spec_write", new Dictionary<string, object?>
        {
            ["spec"] = "unchecked", ["document"] = "tasks", ["content"] = "# Implementation Plan\n\n- [ ] 1. Add items\n  - _Requirements: 1.1_\n",
        });

        Assert.Contains("tasks_unverified", await CodesAsync(server));

        var settings = Path.Combine(server.Workspace, ".kiro", "settings");
        Directory.CreateDirectory(settings);
        await File.WriteAllTextAsync(Path.Combine(settings, "kiro-mcp.json"), "{\"verify\": {\"command\": \"true\"}}", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("tasks_unverified", await CodesAsync(server));

        File.Delete(Path.Combine(settings, "kiro-mcp.json"));
        await server.Client.CallToolAsync("spec_write", new Dictionary<string, object?>
        {
            ["spec"] = "unchecked", ["document"] = "tasks", ["content"] = "# Implementation Plan\n\n- [ ] 1. Add items\n  - _Requirements: 1.1_\n  - _Verify: npm test_\n",
        });
        Assert.DoesNotContain("tasks_unverified", await CodesAsync(server));
    }

    private static async Task<List<string>> CodesAsync(InProcessServer server)
    {
        var result = await server.Client.CallToolAsync("spec_validate", new Dictionary<string, object?> { ["spec"] = "unchecked" });
        var findings = result.StructuredContent!.Value.GetProperty("findings");
        var codes = findings.EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();
        var info = findings.EnumerateArray().Where(f => f.GetProperty("code").GetString() == "tasks_unverified").ToList();
        Assert.All(info, f => Assert.Equal("info", f.GetProperty("severity").GetString()));
        return codes;
    }
}
