using System.Diagnostics;
using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>The executable's command line, run as a user would run it.</summary>
public class CommandLineTests
{
    [Fact]
    public async Task Help_explains_every_option()
    {
        var (exitCode, output) = await RunAsync("--help");
        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--stdio", "--http", "--port", "--host", "--stateless", "--token", "--workspace", "--log-file" })
        {
            Assert.Contains(option, output);
        }
    }

    [Fact]
    public async Task A_missing_workspace_is_reported_and_the_server_does_not_start()
    {
        var (exitCode, output) = await RunAsync("--stdio", "--workspace", Path.Combine(Path.GetTempPath(), "kiro-mcp-no-such-" + Guid.NewGuid()));
        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", output);
    }

    [Fact]
    public async Task Stdio_logs_go_to_stderr_and_a_log_file_when_asked()
    {
        using var workspace = new TempWorkspace();
        var logFile = Path.Combine(workspace.Parent, "server.log");
        var options = ServerConnection.DesktopClient();
        var transport = new ModelContextProtocol.Client.StdioClientTransport(new()
        {
            Command = "dotnet",
            Arguments = [ServerBinary.Path, "--stdio", "--workspace", workspace.Root, "--log-file", logFile],
        });
        await using (var client = await ModelContextProtocol.Client.McpClient.CreateAsync(transport, options))
        {
            // Every answer arrived intact, so nothing but protocol reached stdout.
            Assert.NotEmpty(await client.ListToolsAsync());
        }
        var logs = Directory.GetFiles(workspace.Parent, "server*.log");
        Assert.Contains("over stdio", File.ReadAllText(Assert.Single(logs)));
    }

    /// <summary>Runs the server to completion and returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.ArgumentList.Add(ServerBinary.Path);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
