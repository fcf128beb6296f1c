using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Server.Tests;

/// <summary>Resources, completions and prompts through the real pipeline.</summary>
public class ResourceSurfaceTests
{
    [Fact]
    public async Task Spec_documents_and_status_are_readable_as_resources()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Client.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "as-resource" });

        var document = await server.Client.ReadResourceAsync($"kiro://{server.Name}/specs/as-resource/requirements");
        Assert.StartsWith("# Requirements Document", Assert.IsType<TextResourceContents>(Assert.Single(document.Contents)).Text);
        var status = await server.Client.ReadResourceAsync($"kiro://{server.Name}/specs/as-resource/status");
        Assert.Contains("\"phase\":\"requirements\"", Assert.IsType<TextResourceContents>(Assert.Single(status.Contents)).Text);
        var list = await server.Client.ReadResourceAsync($"kiro://{server.Name}/specs");
        Assert.Contains("as-resource", Assert.IsType<TextResourceContents>(Assert.Single(list.Contents)).Text);
    }

    [Fact]
    public async Task Reading_an_unknown_spec_resource_is_a_not_found_error()
    {
        await using var server = await InProcessServer.StartAsync();
        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => server.Client.ReadResourceAsync($"kiro://{server.Name}/specs/nope/requirements").AsTask());
        Assert.Contains("spec_not_found", error.Message);
    }

    [Fact]
    public async Task Workspace_names_are_completed_and_a_prompt_naming_an_unknown_workspace_is_refused()
    {
        await using var server = await InProcessServer.StartAsync();
        var template = new ResourceTemplateReference { Uri = "kiro://{workspace}/specs/{spec}/{document}" };

        var names = await server.Client.CompleteAsync(template, "workspace", server.Name[..3]);
        Assert.Equal([server.Name], names.Completion.Values);
        var prompt = await server.Client.GetPromptAsync("execute_task", new Dictionary<string, object?> { ["spec"] = "a", ["workspace"] = server.Name });
        Assert.Contains($"workspace: '{server.Name}'", Assert.IsType<TextContentBlock>(prompt.Messages[0].Content).Text);

        var refused = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() =>
            server.Client.GetPromptAsync("execute_task", new Dictionary<string, object?> { ["spec"] = "a", ["workspace"] = "elsewhere" }).AsTask());
        Assert.Contains("unknown_workspace", refused.Message);
        Assert.Contains(server.Name, refused.Message);
    }

    [Fact]
    public async Task Spec_and_document_names_are_completed()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Client.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "alpha" });
        await server.Client.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "beta", ["type"] = "bugfix" });
        var template = new ResourceTemplateReference { Uri = "kiro://{workspace}/specs/{spec}/{document}" };

        var specs = await server.Client.CompleteAsync(template, "spec", "a");
        Assert.Equal(["alpha"], specs.Completion.Values);

        var documents = await server.Client.CompleteAsync(new CompleteRequestParams
        {
            Ref = template,
            Argument = new Argument { Name = "document", Value = "" },
            Context = new CompleteContext { Arguments = new Dictionary<string, string> { ["spec"] = "beta" } },
        });
        Assert.Equal(["bugfix", "design", "tasks", "status"], documents.Completion.Values);
    }

    [Fact]
    public async Task The_workflow_prompt_carries_the_description_and_the_approval_questions()
    {
        await using var server = await InProcessServer.StartAsync();
        var prompt = await server.Client.GetPromptAsync("spec_workflow", new Dictionary<string, object?> { ["description"] = "log workouts" });
        var text = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.Contains("log workouts", text);
        Assert.Contains("Do the requirements look good?", text);
    }

    [Fact]
    public async Task The_execute_task_prompt_names_the_spec_and_the_task_tools()
    {
        await using var server = await InProcessServer.StartAsync();
        var named = await server.Client.GetPromptAsync("execute_task", new Dictionary<string, object?> { ["spec"] = "workouts", ["taskId"] = "2.1" });
        var next = await server.Client.GetPromptAsync("execute_task", new Dictionary<string, object?> { ["spec"] = "workouts" });

        var text = Assert.IsType<TextContentBlock>(Assert.Single(named.Messages).Content).Text;
        Assert.Contains("task_start(spec: 'workouts', taskId: '2.1')", text);
        Assert.Contains("task_complete", text);
        Assert.Contains("task_next(spec: 'workouts')", Assert.IsType<TextContentBlock>(Assert.Single(next.Messages).Content).Text);
    }
}
