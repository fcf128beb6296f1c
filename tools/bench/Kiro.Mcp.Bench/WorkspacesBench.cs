using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.Bench;

/// <summary>
/// One HTTP server for many repositories (<c>--workspaces DIR</c>): a hundred git repositories with a spec and a
/// deep folder tree each (half of it git-ignored), five of them in use. Reports the server's memory with none,
/// five and (at the end) all of them loaded, the first call on a cold workspace, the inotify watches the process
/// holds, and many sessions spread over the five active repositories through their /mcp/NAME endpoints.
/// </summary>
internal static class WorkspacesBench
{
    public static readonly string[] Options = ["--repositories", "--active", "--folders", "--sessions", "--seconds"];

    private static readonly string[] ReadTools = ["spec_status", "task_next", "spec_read", "spec_list"];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var repositories = args.Positive("--repositories", 100);
        var active = Math.Min(args.Positive("--active", 5), repositories);
        var folders = args.Positive("--folders", 5000);
        var sessions = args.Positive("--sessions", 50);
        var seconds = args.Positive("--seconds", 20);
        var root = Directory.CreateTempSubdirectory("kiro-mcp-workspaces-");
        try
        {
            var clock = Stopwatch.StartNew();
            var names = Enumerable.Range(0, repositories).Select(i => $"repo-{i:000}").ToList();
            Parallel.ForEach(names, name => CreateRepository(Path.Combine(root.FullName, name), folders));
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            Console.WriteLine($"{repositories} git repositories of {folders} folders each (half under a git-ignored node_modules), a spec of 20 requirements and 60 tasks each; set up in {clock.Elapsed.TotalSeconds:F0} s");

            await using var server = await ServerProcess.StartHttpAsync(null, ["--workspaces", root.FullName]);
            var pid = server.HttpProcess!.Id;
            await ToolCalls.CallAsync(server.Client, "workspace_list", new Dictionary<string, object?>());
            Report("registered, none loaded", pid);

            var cold = new Samples("first call, cold");
            var warm = new Samples("second call");
            foreach (var name in names.Take(active))
            {
                var arguments = new Dictionary<string, object?> { ["spec"] = SpecGenerator.SpecName, ["workspace"] = name };
                await ToolCalls.CallAsync(server.Client, "spec_status", arguments, cold);
                await ToolCalls.CallAsync(server.Client, "spec_status", arguments, warm);
            }
            Console.WriteLine(cold.Summary());
            Console.WriteLine(warm.Summary());
            Report($"{active} loaded, no file hooks", pid);
            // A file hook in each active repository: only now is its whole tree (less what .gitignore excludes) watched.
            foreach (var name in names.Take(active))
            {
                await ToolCalls.CallAsync(server.Client, "hook_create", new Dictionary<string, object?>
                {
                    ["name"] = "Review scripts", ["trigger"] = "PostFileSave", ["matcher"] = @"\.js$", ["actionType"] = "agent",
                    ["prompt"] = "Review the saved script.", ["workspace"] = name,
                });
            }
            await Task.Delay(TimeSpan.FromSeconds(3));
            Report($"{active} loaded, each with a file hook", pid);

            var (calls, samples, elapsed, peak) = await LoadAsync(server.Endpoint!, names.Take(active).ToList(), sessions, seconds, pid);
            var spread = calls / elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sessions} sessions over {active} repositories (/mcp/NAME): {spread:F0} calls/s ({calls} calls in {elapsed.TotalSeconds:F1} s), peak RSS {peak:F0} MB"));
            Console.WriteLine(samples.Summary());

            // The same sessions on a server of one repository (/mcp), for the cost of many: a ratio within this run.
            await using (var single = await ServerProcess.StartHttpAsync(Path.Combine(root.FullName, names[0]), []))
            {
                var (oneCalls, oneSamples, oneElapsed, onePeak) = await LoadAsync(single.Endpoint!, [""], sessions, seconds, single.HttpProcess!.Id);
                var one = oneCalls / oneElapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{sessions} sessions on a one-repository server (/mcp): {one:F0} calls/s, peak RSS {onePeak:F0} MB; many-repository server / one-repository server = {spread / one:F2}"));
                Console.WriteLine(oneSamples.Summary());
            }

            // A fresh server with every repository loaded, for what holding only the active ones saves.
            await using var all = await ServerProcess.StartHttpAsync(null, ["--workspaces", root.FullName]);
            foreach (var name in names)
            {
                await ToolCalls.CallAsync(all.Client, "spec_status", new Dictionary<string, object?> { ["spec"] = SpecGenerator.SpecName, ["workspace"] = name });
            }
            Report($"fresh server, all {repositories} loaded", all.HttpProcess!.Id);
            return 0;
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    private static void Report(string state, int pid)
    {
        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{state,-34} RSS {ProcessMemory.ResidentMegabytes(pid):F0} MB, inotify watches {InotifyUsage.Of(pid.ToString(CultureInfo.InvariantCulture)).Watches}"));
    }

    /// <summary>Sessions spread over the /mcp/NAME endpoints of <paramref name="names"/> ("" is /mcp itself), each calling read tools until time is up.</summary>
    private static async Task<(int Calls, Samples Samples, TimeSpan Elapsed, double PeakRss)> LoadAsync(Uri endpoint, List<string> names, int sessions, int seconds, int pid)
    {
        var clients = new List<McpClient>();
        try
        {
            for (var i = 0; i < sessions; i++)
            {
                var name = names[i % names.Count];
                clients.Add(await ServerProcess.ConnectAsync(name.Length == 0 ? endpoint : new Uri($"{endpoint}/{name}"), $"session-{i}"));
            }
            return await SessionRun.RunAsync(clients, pid, seconds, Next);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static SessionRun.Call Next(int client, int call)
    {
        var tool = ReadTools[call % ReadTools.Length];
        return new SessionRun.Call(tool, tool switch
        {
            "spec_list" => [],
            "spec_read" => new() { ["spec"] = SpecGenerator.SpecName, ["document"] = "requirements" },
            _ => ToolCalls.Spec(SpecGenerator.SpecName),
        });
    }

    /// <summary>A git repository with a spec and <paramref name="folders"/> folders, half of them under node_modules, which .gitignore excludes.</summary>
    private static void CreateRepository(string path, int folders)
    {
        Directory.CreateDirectory(path);
        using (var git = Process.Start(new ProcessStartInfo("git", ["init", "-q", path]) { UseShellExecute = false })!)
        {
            git.WaitForExit();
        }
        File.WriteAllText(Path.Combine(path, ".gitignore"), "node_modules/\n");
        SpecGenerator.Write(path, 20, 60);
        // Ten folders per level: src/d0/d0/... and node_modules/d0/d0/..., breadth first, half each.
        foreach (var (top, count) in new[] { ("src", folders / 2), ("node_modules", folders - (folders / 2)) })
        {
            var queue = new Queue<string>([Path.Combine(path, top)]);
            for (var made = 0; made < count && queue.Count > 0; made++)
            {
                var folder = queue.Dequeue();
                Directory.CreateDirectory(folder);
                for (var child = 0; child < 10; child++)
                {
                    queue.Enqueue(Path.Combine(folder, $"d{child}"));
                }
            }
        }
    }
}
