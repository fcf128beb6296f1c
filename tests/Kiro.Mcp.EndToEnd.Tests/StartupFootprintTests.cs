using Kiro.Mcp.EndToEnd.Tests.Harness;

namespace Kiro.Mcp.EndToEnd.Tests;

/// <summary>
/// A stdio server is launched for every conversation, so what it loads is start-up time. A session that only
/// works on specs must not load the web stack (HTTP mode only), git (task runs only) or Roslyn (steering
/// generation only). The server lists what it loaded at Debug level when the session ends.
/// </summary>
public class StartupFootprintTests
{
    [Fact]
    public async Task A_stdio_spec_session_loads_no_web_stack_git_or_roslyn()
    {
        using var workspace = new TempWorkspace();
        var server = await ServerConnection.StartStdioAsync(workspace.Root);
        await using (server)
        {
            await server.CallOkAsync("spec_create", new { name = "footprint" });
            await server.CallOkAsync("spec_write", new { spec = "footprint", document = "requirements", content = WorkoutSpec.Requirements });
            await server.CallOkAsync("spec_validate", new { spec = "footprint" });
            await server.CallOkAsync("spec_status", new { spec = "footprint" });
            await server.CallOkAsync("spec_list", new { });
        }

        var loaded = await LoadedAssembliesAsync(server);
        Assert.Contains("Kiro.Mcp.Specs", loaded);
        Assert.Contains("ModelContextProtocol.Core", loaded);
        Assert.DoesNotContain(loaded, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(loaded, name => name.StartsWith("ModelContextProtocol.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain("LibGit2Sharp", loaded);
        Assert.DoesNotContain(loaded, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    /// <summary>
    /// The web host watches its content root for configuration changes. Were that the folder the server was
    /// started in (a home folder, a monorepo), the watch would cover its whole tree: thousands of the user's
    /// inotify watches for nothing.
    /// </summary>
    [Fact]
    public async Task An_http_server_spends_no_watch_on_the_folder_it_was_started_in()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "inotify watches are counted from /proc (Linux only).");
        using var workspace = new TempWorkspace();
        var startedIn = Directory.CreateTempSubdirectory("kiro-mcp-cwd-").FullName;
        try
        {
            for (var i = 0; i < 300; i++)
            {
                Directory.CreateDirectory(Path.Combine(startedIn, $"folder{i}", "sub"));
            }
            var info = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = startedIn, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { ServerBinary.Path, "--http", "--port", "0", "--workspace", workspace.Root })
            {
                info.ArgumentList.Add(arg);
            }
            info.Environment[ServerConnection.UserKiroVariable] = ServerConnection.UserKiroDirectory(workspace.Root);
            using var process = System.Diagnostics.Process.Start(info)!;
            try
            {
                var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                process.ErrorDataReceived += (_, e) =>
                {
                    if (e.Data?.StartsWith("Listening on ", StringComparison.Ordinal) == true)
                    {
                        listening.TrySetResult();
                    }
                };
                process.OutputDataReceived += (_, _) => { };
                process.BeginErrorReadLine();
                process.BeginOutputReadLine();
                await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
                // The workspace's own watcher (loaded in the background) holds a few: its root and .kiro.
                await Task.Delay(TimeSpan.FromSeconds(2));

                var watches = Directory.EnumerateFiles($"/proc/{process.Id}/fdinfo")
                    .Sum(file => { try { return File.ReadLines(file).Count(l => l.StartsWith("inotify wd:", StringComparison.Ordinal)); } catch (IOException) { return 0; } });

                Assert.InRange(watches, 1, 20);
            }
            finally
            {
                ServerConnection.Stop(process);
            }
        }
        finally
        {
            Directory.Delete(startedIn, recursive: true);
        }
    }

    /// <summary>The names from the server's "Loaded assemblies (N): a, b, …" line, logged as the process ends.</summary>
    private static async Task<IReadOnlyList<string>> LoadedAssembliesAsync(ServerConnection server)
    {
        const string marker = "Loaded assemblies";
        // The client's dispose closes stdin and waits for the process; the last stderr lines may trail it.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var line = server.Stderr.FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
            if (line is not null)
            {
                var list = line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..];
                return list.Split(", ").Select(n => n.Trim().TrimEnd('}', ' ', '{').Trim()).ToList();
            }
            await Task.Delay(100);
        }
        Assert.Fail("The server logged no assembly list. stderr:\n" + string.Join('\n', server.Stderr));
        return [];
    }
}
