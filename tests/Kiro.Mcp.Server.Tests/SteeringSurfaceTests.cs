using Kiro.Mcp.Server.Resources;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Server.Tests;

/// <summary>Steering resources, completions and change routing through the real pipeline.</summary>
public class SteeringSurfaceTests
{
    [Fact]
    public async Task A_steering_document_is_readable_as_a_resource_with_references_expanded()
    {
        await using var server = await InProcessServer.StartAsync();
        Write(server, "docs/rules.md", "Always log in UTC.\n");
        Write(server, ".kiro/steering/tech.md", "---\ninclusion: always\n---\n# Tech\n#[[file:docs/rules.md]]\n");

        var resource = await server.Client.ReadResourceAsync($"kiro://{server.Name}/steering/tech");
        var contents = Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents));
        Assert.Equal($"kiro://{server.Name}/steering/tech", contents.Uri);
        Assert.StartsWith("# Tech\n", contents.Text);
        Assert.Contains("Always log in UTC.", contents.Text);
    }

    [Fact]
    public async Task A_sub_folder_AGENTS_file_is_addressed_with_an_escaped_slash()
    {
        await using var server = await InProcessServer.StartAsync();
        Write(server, "src/api/AGENTS.md", "API agents\n");
        var resource = await server.Client.ReadResourceAsync(ResourceUris.Steering(server.Name, "src/api/AGENTS.md"));
        Assert.Equal("API agents\n", Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text);
    }

    [Fact]
    public async Task An_unknown_steering_resource_is_a_not_found_error()
    {
        await using var server = await InProcessServer.StartAsync();
        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => server.Client.ReadResourceAsync($"kiro://{server.Name}/steering/nope").AsTask());
        Assert.Contains("steering_not_found", error.Message);
    }

    [Fact]
    public async Task Steering_names_are_completed_including_global_ones()
    {
        await using var server = await InProcessServer.StartAsync();
        Write(server, ".kiro/steering/tech.md", "tech\n");
        Write(server, ".kiro/steering/testing.md", "testing\n");
        Write(server, ".kiro/steering/product.md", "product\n");
        Directory.CreateDirectory(server.Workspace + ".user-kiro/steering");
        File.WriteAllText(server.Workspace + ".user-kiro/steering/team.md", "team\n");
        try
        {
            var result = await server.Client.CompleteAsync(new ResourceTemplateReference { Uri = "kiro://{workspace}/steering/{name}" }, "name", "te");
            Assert.Equal(["team", "tech", "testing"], result.Completion.Values.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(server.Workspace + ".user-kiro", recursive: true);
        }
    }

    [Theory]
    [InlineData("kiro://w/steering/tech", ".kiro/steering/tech.md", true)]
    [InlineData("kiro://w/steering/tech", ".kiro/steering/Tech.md", true)]
    [InlineData("kiro://w/steering/tech", ".kiro/steering/product.md", false)]
    [InlineData("kiro://w/steering/tech", ".kiro/steering", true)]
    [InlineData("kiro://w/steering/tech", ".kiro", true)]
    [InlineData("kiro://w/steering/tech", ".kiro/specs/tech/tasks.md", false)]
    [InlineData("kiro://w/steering/tech", ".kiro/steering/sub/tech.md", false)]
    [InlineData("kiro://w/steering/AGENTS.md", "AGENTS.md", true)]
    [InlineData("kiro://w/steering/src%2Fapi%2FAGENTS.md", "src/api/AGENTS.md", true)]
    [InlineData("kiro://w/steering/AGENTS.md", "src/api/AGENTS.md", false)]
    [InlineData("kiro://w/steering/tech", "AGENTS.md", false)]
    [InlineData("kiro://w/specs", ".kiro/steering/tech.md", false)]
    [InlineData("kiro://w/specs/a/requirements", ".kiro/steering/requirements.md", false)]
    public void Steering_changes_reach_only_the_steering_resource_they_affect(string uri, string path, bool affected)
    {
        Assert.Equal(affected, ResourceUris.IsAffected(uri, path));
    }

    private static void Write(InProcessServer server, string relative, string text)
    {
        var full = Path.Combine(server.Workspace, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
