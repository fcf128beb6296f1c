using System.Collections.Concurrent;
using Kiro.Mcp.EndToEnd.Tests.Harness;
using ModelContextProtocol;
using ModelContextProtocol.Client;

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
    /// Reads the real server's memory map (Linux /proc): managed assemblies are mapped files. The server analyses a
    /// .NET solution with MSBuild (the result says "msbuild" and lists its code) without ever mapping Roslyn or MSBuild:
    /// they ran in the separate analysis program, which the dev build puts beside the server.
    /// </summary>
    [Fact]
    public async Task A_solution_is_analysed_in_the_separate_program_and_Roslyn_never_loads_in_the_server()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Reads /proc/<pid>/maps.");
        using var workspace = GreeterRepository.Create();
        // MSBuild evaluates projects only in a trusted workspace, and never in a dry run.
        var (process, _, endpoint) = await ServerConnection.LaunchHttpAsync(workspace.Root, [ServerConnection.Trust]);
        try
        {
            await using var client = await ServerConnection.ConnectHttpAsync(endpoint, "lazy-check");
            var generated = await client.CallToolAsync("steering_generate", new Dictionary<string, object?>());

            Assert.False(generated.IsError == true, ServerConnection.Text(generated));
            Assert.Equal("msbuild", generated.StructuredContent!.Value.GetProperty("dotNetAnalysis").GetString());
            Assert.Contains("`Greeter` (1 type): Greeting", workspace.Read(".kiro/steering/structure.md"), StringComparison.Ordinal);
            Assert.DoesNotContain(MappedFiles(process.Id), f => f.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) || f.Contains("Microsoft.Build", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(ServerBinary.Path)!, "analysis", "Kiro.Mcp.Analysis.dll")));
        }
        finally
        {
            ServerConnection.Stop(process);
        }
    }

    [Fact]
    public async Task Without_the_analysis_program_generation_describes_the_projects_from_their_files_and_says_why()
    {
        using var workspace = GreeterRepository.Create();
        var missing = Path.Combine(Path.GetTempPath(), "kiro-mcp-no-analysis-" + Guid.NewGuid().ToString("N"), "Kiro.Mcp.Analysis.dll");
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "kiro-mcp",
            Command = "dotnet",
            Arguments = [ServerBinary.Path, "--stdio", "--workspace", workspace.Root, ServerConnection.Trust],
            StandardErrorLines = _ => { },
            EnvironmentVariables = new Dictionary<string, string?>
            {
                [ServerConnection.UserKiroVariable] = ServerConnection.UserKiroDirectory(workspace.Root),
                ["KIRO_MCP_ANALYSIS"] = missing,
            },
        });
        await using var client = await McpClient.CreateAsync(transport, ServerConnection.DesktopClient());

        var result = await client.CallToolAsync("steering_generate", new Dictionary<string, object?>());

        Assert.False(result.IsError == true, ServerConnection.Text(result));
        var structured = result.StructuredContent!.Value;
        Assert.Equal("project_files", structured.GetProperty("dotNetAnalysis").GetString());
        var notes = structured.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.Contains(missing, StringComparison.Ordinal) && n.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("project files' XML only", StringComparison.Ordinal));
        Assert.Contains("| Greeter.Cli | executable | net10.0 |", workspace.Read(".kiro/steering/tech.md"), StringComparison.Ordinal);
    }

    private static List<string> MappedFiles(int pid) =>
        File.ReadAllLines($"/proc/{pid}/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length >= 6).Select(p => p[5]).Distinct().ToList();

    private sealed class QueueProgress(ConcurrentQueue<ProgressNotificationValue> queue) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => queue.Enqueue(value);
    }
}
