using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiro.Mcp.Bench;

/// <summary>
/// Cold start over stdio, the way a desktop client launches a server per conversation: spawn →
/// <c>initialize</c> answered → first <c>tools/call</c> answered, each server launched afresh every run.
/// Raw JSON-RPC lines rather than an SDK client, so the client's own start-up is not in the numbers and
/// every server is measured by the same few lines of code. Servers take turns, run by run, so that a
/// slow moment on the machine falls on all of them alike.
/// </summary>
internal static class ColdStartBench
{
    public static readonly string[] Options = ["--runs", "--tool", "--native", "--node-server", "--reference-tool", "--dnx-feed"];

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var runs = args.Positive("--runs", 10);
        var root = RepoRoot.Find() ?? throw new BenchSetupException("Run the benchmark from the repository.");
        var workspace = Directory.CreateTempSubdirectory("kiro-mcp-cold-");
        // dnx's package cache: its own, so that no package of an earlier build in ~/.nuget/packages is run instead.
        var dnxCache = Directory.CreateTempSubdirectory("kiro-mcp-cold-dnx-");
        try
        {
            // A small real workspace: the sample spec, so the first call reads and parses real files.
            CopyDirectory(Path.Combine(root, "docs", "sample-workspace"), workspace.FullName);
            var servers = Servers(args, workspace.FullName, dnxCache.FullName);

            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            Console.WriteLine($"runs={runs} per server (after one unmeasured run each), interleaved; workspace = docs/sample-workspace");
            foreach (var server in servers)
            {
                Console.WriteLine($"  {server.Name}: {server.Command} {string.Join(' ', server.Arguments)}  → tools/call {server.Tool}");
            }
            Console.WriteLine();

            var initialize = servers.ToDictionary(s => s.Name, s => new Samples(s.Name));
            var firstCall = servers.ToDictionary(s => s.Name, s => new Samples(s.Name));
            var memory = servers.ToDictionary(s => s.Name, _ => new List<double>());
            foreach (var server in servers)
            {
                await LaunchOnceAsync(server);
            }
            for (var run = 0; run < runs; run++)
            {
                foreach (var server in servers)
                {
                    var (init, call, rssMegabytes) = await LaunchOnceAsync(server);
                    initialize[server.Name].Add(init);
                    firstCall[server.Name].Add(call);
                    if (rssMegabytes is { } rss)
                    {
                        memory[server.Name].Add(rss);
                    }
                }
            }

            var baseline = servers[0].Name;
            Console.WriteLine($"{"server",-28} {"initialize (median)",20} {"first tools/call (median)",26} {"p95 call",10} {"RSS after call",15} {"vs " + baseline,12}");
            foreach (var server in servers)
            {
                var call = firstCall[server.Name];
                var rss = memory[server.Name];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{server.Name,-28} {initialize[server.Name].Median,17:F0} ms {call.Median,23:F0} ms {call.P95,7:F0} ms {(rss.Count == 0 ? "-" : $"{Median(rss):F0} MB"),15} {call.Median / firstCall[baseline].Median,11:F2}x"));
            }

            // JIT work at start-up: one more launch of each of ours with the runtime listing every method it compiles.
            // A native binary has no JIT, so its count is 0 by construction, and measured the same way.
            var jitted = new List<string>();
            foreach (var server in servers.Where(s => s.Name.StartsWith("kiro-mcp", StringComparison.Ordinal)))
            {
                var list = Path.Combine(Path.GetTempPath(), $"kiro-mcp-jit-{Guid.NewGuid():N}.txt");
                await LaunchOnceAsync(server, new Dictionary<string, string> { ["DOTNET_JitStdOutFile"] = list, ["DOTNET_JitDisasmSummary"] = "1" });
                var count = File.Exists(list) ? File.ReadLines(list).Count(l => l.Contains("JIT compiled", StringComparison.Ordinal)) : 0;
                File.Delete(list);
                Console.WriteLine($"{server.Name,-28} methods JIT-compiled up to the first tools/call: {count:N0}");
                jitted.Add($"{server.Name} {count:N0}");
            }

            var node = servers.FirstOrDefault(s => s.Name.StartsWith("server-filesystem", StringComparison.Ordinal));
            var minimal = servers.FirstOrDefault(s => s.Name.StartsWith("C# SDK", StringComparison.Ordinal));
            var ours = servers.Where(s => s != node && s != minimal).Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Name} {firstCall[s.Name].Median:F0} ms{(node is null ? "" : $" ({firstCall[s.Name].Median / firstCall[node.Name].Median:F2}×)")}"));
            BenchTable.Record("stdio spawn → first tools/call answered (median)", string.Join("; ", ours),
                string.Join("; ", new[] { node, minimal }.OfType<ColdServer>().Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {firstCall[s.Name].Median:F0} ms"))));
            BenchTable.Record("methods JIT-compiled up to the first tools/call", string.Join("; ", jitted));
            return 0;
        }
        finally
        {
            TempFolder.Delete(workspace);
            TempFolder.Delete(dnxCache);
        }
    }

    private static List<ColdServer> Servers(BenchArgs args, string workspace, string dnxCache)
    {
        var servers = new List<ColdServer>();
        if (args.String("--tool") is { } tool)
        {
            if (!File.Exists(tool))
            {
                throw new BenchSetupException($"--tool {tool} does not exist; tools/bench/coldstart.sh packs and installs it.");
            }
            servers.Add(new ColdServer("kiro-mcp (installed tool)", tool, ["--stdio", "--workspace", workspace, "--log-level", "Warning"], "spec_list", new JsonObject()));
        }
        if (args.String("--native") is { } native)
        {
            if (!File.Exists(native))
            {
                throw new BenchSetupException($"--native {native} does not exist; tools/bench/run.sh coldstart publishes it (needs clang).");
            }
            servers.Add(new ColdServer("kiro-mcp (native AOT)", native, ["--stdio", "--workspace", workspace, "--log-level", "Warning"], "spec_list", new JsonObject()));
        }
        if (args.String("--dnx-feed") is { } feed)
        {
            // How a registry entry (.mcp/server.json, runtimeHint dnx) starts it: the .NET CLI finds the package in its cache
            // (filled by the unmeasured first launch, as by a user's first conversation) and runs the same binary.
            servers.Add(new ColdServer("kiro-mcp (dnx, cached)", "dotnet", ["dnx", "Kiro.Mcp", "--source", feed, "--yes", "--", "--stdio", "--workspace", workspace, "--log-level", "Warning"],
                "spec_list", new JsonObject(), new Dictionary<string, string> { ["NUGET_PACKAGES"] = dnxCache }));
        }
        // The build output, started the way the README's development configuration starts it: JIT only.
        servers.Add(new ColdServer("kiro-mcp (dotnet build dll)", "dotnet", [RepoRoot.ServerDll(), "--stdio", "--workspace", workspace, "--log-level", "Warning"], "spec_list", new JsonObject()));
        if (args.String("--reference-tool") is { } reference)
        {
            if (!File.Exists(reference))
            {
                throw new BenchSetupException($"--reference-tool {reference} does not exist; tools/bench/run.sh coldstart packs and installs it.");
            }
            // What any .NET MCP tool costs to start: the SDK's minimal server (tools/bench/MinimalSdkServer), installed as ours is.
            servers.Add(new ColdServer("C# SDK minimal (installed)", reference, [], "echo", new JsonObject { ["message"] = "hi" }));
        }
        if (args.String("--node-server") is { } script)
        {
            if (!File.Exists(script))
            {
                throw new BenchSetupException($"--node-server {script} does not exist; run npm ci in tools/bench/node.");
            }
            servers.Add(new ColdServer("server-filesystem (node)", "node", [script, workspace], "list_directory", new JsonObject { ["path"] = workspace }));
        }
        return servers;
    }

    private static async Task<(TimeSpan Initialize, TimeSpan FirstCall, double? RssMegabytes)> LaunchOnceAsync(ColdServer server, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(server.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in (server.Environment ?? new Dictionary<string, string>()).Concat(environment ?? []))
        {
            info.Environment[name] = value;
        }
        foreach (var argument in server.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new BenchSetupException($"Could not start {server.Command}.");
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await SendAsync(process, new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = 1,
                ["method"] = "initialize",
                ["params"] = new JsonObject
                {
                    ["protocolVersion"] = "2025-06-18",
                    ["capabilities"] = new JsonObject(),
                    ["clientInfo"] = new JsonObject { ["name"] = "coldstart-bench", ["version"] = "1.0" },
                },
            });
            await ReadAnswerAsync(process, 1, server, timeout.Token);
            var initialized = stopwatch.Elapsed;

            await SendAsync(process, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" });
            await SendAsync(process, new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = 2,
                ["method"] = "tools/call",
                ["params"] = new JsonObject { ["name"] = server.Tool, ["arguments"] = server.ToolArguments.DeepClone() },
            });
            var answer = await ReadAnswerAsync(process, 2, server, timeout.Token);
            var called = stopwatch.Elapsed;
            if (answer.TryGetProperty("error", out var error) || (answer.GetProperty("result").TryGetProperty("isError", out var isError) && isError.GetBoolean()))
            {
                throw new ToolCallFailedException($"{server.Name}: {server.Tool} failed: {answer}");
            }
            var rss = ProcessMemory.ResidentMegabytes(process.Id);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            return (initialized, called, rss);
        }
        catch (Exception e) when (e is OperationCanceledException or EndOfStreamException)
        {
            throw new BenchSetupException($"{server.Name} gave no answer: {e.Message}\n{(stderr.IsCompleted ? await stderr : "")}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task SendAsync(Process process, JsonObject message)
    {
        await process.StandardInput.WriteLineAsync(message.ToJsonString());
        await process.StandardInput.FlushAsync();
    }

    /// <summary>Reads lines until the response with <paramref name="id"/>; notifications and logs before it are skipped.</summary>
    private static async Task<JsonElement> ReadAnswerAsync(Process process, int id, ColdServer server, CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(cancellationToken)
                ?? throw new EndOfStreamException($"{server.Name} closed stdout before answering request {id}.");
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("id", out var answered) && answered.ValueKind == JsonValueKind.Number && answered.GetInt32() == id)
            {
                return document.RootElement.Clone();
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private sealed record ColdServer(string Name, string Command, IReadOnlyList<string> Arguments, string Tool, JsonObject ToolArguments, IReadOnlyDictionary<string, string>? Environment = null);
}
