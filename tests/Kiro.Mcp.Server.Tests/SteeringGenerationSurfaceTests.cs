using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Server.Tests;

/// <summary>The steering generation surface: its prompt, and that Roslyn stays unloaded until generation runs.</summary>
public class SteeringGenerationSurfaceTests
{
    [Fact]
    public async Task The_bootstrap_prompt_generates_then_refines_with_the_user()
    {
        await using var server = await InProcessServer.StartAsync();
        var prompt = await server.Client.GetPromptAsync("bootstrap_steering");

        var text = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.Contains("steering_generate", text);
        Assert.Contains("Question for the user", text);
        Assert.Contains("Never use force without my say-so", text);
    }

    /// <remarks>
    /// No test in this assembly may call steering_generate on a .NET workspace: it would load Roslyn into
    /// this process. The end-to-end SteeringGenerationTests prove the same over a real server process,
    /// including that the check does see Roslyn once generation has run.
    /// </remarks>
    [Fact]
    public async Task Start_up_and_other_tools_do_not_load_roslyn_or_msbuild()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Client.ListToolsAsync();
        var created = await server.Client.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "lazy" });
        Assert.NotEqual(true, created.IsError);
        await server.Client.CallToolAsync("spec_status", new Dictionary<string, object?> { ["spec"] = "lazy" });

        var heavy = AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetName().Name ?? "")
            .Where(n => n.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || n.StartsWith("Microsoft.Build", StringComparison.Ordinal)
                || n == "Kiro.Mcp.Steering.Generation.Roslyn")
            .ToList();
        Assert.Empty(heavy);
    }
}
