using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Server.Tests;

/// <summary>Results are read by models and people, not rendered as HTML: text content keeps its characters.</summary>
public class PlainOutputTests
{
    [Fact]
    public async Task Quotes_backticks_and_angle_brackets_are_not_escaped_in_text_content()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Client.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "plain" });
        const string content = "# Requirements Document\n\nThe user's `todo <list>` & more.\n";
        await server.Client.CallToolAsync("spec_write", new Dictionary<string, object?> { ["spec"] = "plain", ["document"] = "requirements", ["content"] = content });

        var read = await server.Client.CallToolAsync("spec_read", new Dictionary<string, object?> { ["spec"] = "plain", ["document"] = "requirements" });

        var text = Assert.IsType<TextContentBlock>(read.Content[0]).Text;
        Assert.Contains("The user's `todo <list>` & more.", text);
        Assert.DoesNotContain("\\u0027", text);
        Assert.DoesNotContain("\\u003C", text);
        Assert.DoesNotContain("\\u0060", text);
        // Structured content is the same value, whatever the escaping on the wire.
        Assert.Equal(content, read.StructuredContent!.Value.GetProperty("text").GetString());
    }
}
