using System.Collections.Concurrent;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>steering_generate driven by a real client against the built server.</summary>
public class SteeringGenerationTests
{
    [Fact]
    public async Task Generation_over_stdio_reports_progress_writes_the_documents_and_reuses_the_analysis()
    {
        using var workspace = GreeterRepository.Create();
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root, extraArgs: [ServerConnection.Trust]);
        var progress = new ConcurrentQueue<ProgressNotificationValue>();

        var result = await server.Client.CallToolAsync("steering_generate", new Dictionary<string, object?>(), new QueueProgress(progress));

        Assert.False(result.IsError == true, ServerConnection.Text(result));
        var structured = result.StructuredContent!.Value;
        var schema = (await server.Client.ListToolsAsync()).Single(t => t.Name == "steering_generate").ProtocolTool.OutputSchema!.Value;
        OutputSchema.AssertConforms(schema, structured, "steering_generate");
        Assert.Equal("msbuild", structured.GetProperty("dotNetAnalysis").GetString());
        Assert.Equal(["product", "tech", "structure"], structured.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        foreach (var name in new[] { "product", "tech", "structure" })
        {
            Assert.StartsWith("---\ninclusion: always\n---\n<!-- kiro-mcp:generated", workspace.Read($".kiro/steering/{name}.md"), StringComparison.Ordinal);
        }
        Assert.Contains("| Greeter.Cli | executable | net10.0 |", workspace.Read(".kiro/steering/tech.md"), StringComparison.Ordinal);
        Assert.Contains("`Greeter` (1 type): Greeting", workspace.Read(".kiro/steering/structure.md"), StringComparison.Ordinal);

        // Notifications may be processed after the call has returned, and the client drops those that
        // arrive once the call is over, so only the steps up to the MSBuild analysis are certain to be seen.
        for (var i = 0; i < 100 && !progress.Any(p => p.Message?.Contains("MSBuild", StringComparison.Ordinal) == true); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.Contains(progress, p => p.Message?.Contains("MSBuild", StringComparison.Ordinal) == true);
        // The client may handle notifications concurrently, so their order is not asserted here (the unit tests do).
        Assert.All(progress, p => Assert.True(p.Total == 8 && p.Progress is >= 1 and <= 8, $"{p.Progress}/{p.Total}"));

        var again = await server.CallOkAsync("steering_generate", new { });
        Assert.True(again.GetProperty("cached").GetBoolean());
        Assert.All(again.GetProperty("documents").EnumerateArray(), d => Assert.Equal("unchanged", d.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task A_hand_edit_is_kept_and_returned_as_a_diff()
    {
        using var workspace = GreeterRepository.Create();
        await using var server = await ServerConnection.StartStdioAsync(workspace.Root);
        await server.CallOkAsync("steering_generate", new { documents = new[] { "product" } });
        workspace.Write(".kiro/steering/product.md", workspace.Read(".kiro/steering/product.md") + "\nOur customers are teachers.\n");

        var result = await server.CallOkAsync("steering_generate", new { documents = new[] { "product" } });

        var document = result.GetProperty("documents")[0];
        Assert.Equal("kept_hand_edited", document.GetProperty("outcome").GetString());
        Assert.Contains("-Our customers are teachers.", document.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Our customers are teachers.\n", workspace.Read(".kiro/steering/product.md"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads the real server's memory map (Linux /proc): managed assemblies are mapped files, so the
    /// absence of Roslyn's files after start-up and a spec call, and their presence after generation,
    /// show that Roslyn loads only when steering_generate needs it.
    /// </summary>
    [Fact]
    public async Task Roslyn_is_loaded_by_the_server_only_when_generation_runs()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Reads /proc/<pid>/maps.");
        using var workspace = GreeterRepository.Create();
        // MSBuild evaluates projects only in a trusted workspace, and never in a dry run.
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, [ServerConnection.Trust]);
        try
        {
            await using var client = await ServerConnection.ConnectHttpAsync(endpoint, "lazy-check");
            await client.CallToolAsync("spec_create", new Dictionary<string, object?> { ["name"] = "lazy" });
            await client.CallToolAsync("spec_status", new Dictionary<string, object?> { ["spec"] = "lazy" });
            Assert.DoesNotContain(MappedFiles(process.Id), f => f.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) || f.Contains("Microsoft.Build", StringComparison.Ordinal));

            var generated = await client.CallToolAsync("steering_generate", new Dictionary<string, object?>());
            Assert.False(generated.IsError == true, ServerConnection.Text(generated));
            Assert.Contains(MappedFiles(process.Id), f => f.EndsWith("Microsoft.CodeAnalysis.Workspaces.MSBuild.dll", StringComparison.Ordinal));
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    private static List<string> MappedFiles(int pid) =>
        File.ReadAllLines($"/proc/{pid}/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 6).Select(p => p[5]).Distinct().ToList();

    private sealed class QueueProgress(ConcurrentQueue<ProgressNotificationValue> queue) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => queue.Enqueue(value);
    }
}
