using System.Globalization;
using System.Runtime.InteropServices;
using ModelContextProtocol.Client;

namespace Kiro.Mcp.Bench;

/// <summary>
/// A team server: 50 users, each with its own static token (<c>--token userN=SECRET</c>), on 5 repositories
/// served with <c>--workspaces DIR</c>, each user's client on <c>/mcp/NAME</c>. Nine calls in ten read, one
/// writes a task status, so the audit log (one chained, fsynced line per write) is part of the cost. The same
/// sessions also run against a server without tokens (with, without, without, with); the report gives
/// calls/s, p95 and peak memory of both and their ratio (with tokens / without).
/// </summary>
internal static class TeamBench
{
    public static readonly string[] Options = ["--users", "--repositories", "--seconds"];

    private static readonly string[] Tools = ["spec_status", "task_next", "spec_read", "spec_list", "spec_status", "task_next", "spec_read", "spec_list", "spec_status", "task_set_status"];

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var users = args.Positive("--users", 50);
        var repositories = args.Positive("--repositories", 5);
        var seconds = args.Positive("--seconds", 20);
        var root = Directory.CreateTempSubdirectory("kiro-mcp-team-");
        // The servers' ~/.kiro (and so their audit logs) stays in the temporary folder, never the real home.
        Environment.SetEnvironmentVariable("KIRO_MCP_USER_DIR", Path.Combine(root.FullName, "user-kiro"));
        try
        {
            var names = Enumerable.Range(0, repositories).Select(i => $"repo-{i}").ToList();
            var repos = Path.Combine(root.FullName, "repos");
            foreach (var name in names)
            {
                var path = Path.Combine(repos, name);
                Directory.CreateDirectory(Path.Combine(path, ".git"));
                SpecGenerator.Write(path, 20, 60);
            }
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            Console.WriteLine($"{users} users on {repositories} repositories (a spec of 20 requirements and 60 tasks each), runs of {seconds} s with, without, without, with tokens; 1 call in 10 writes a task status");
            var secrets = Enumerable.Range(0, users).Select(i => Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Convert.ToBase64String(Guid.NewGuid().ToByteArray())).ToList();

            var tokenArgs = secrets.SelectMany((secret, i) => new[] { "--token", $"user{i}={secret}" }).ToList();
            // Runs in the order with, without, without, with: a drift of the machine over the run weighs on both alike.
            var runs = new List<(bool Auth, int Calls, Samples Samples, TimeSpan Elapsed, double Peak)>();
            foreach (var withAuth in new[] { true, false, false, true })
            {
                var (calls, samples, elapsed, peak) = withAuth
                    ? await RunServerAsync(repos, tokenArgs, names, secrets, seconds)
                    : await RunServerAsync(repos, [], names, null, seconds);
                runs.Add((withAuth, calls, samples, elapsed, peak));
            }
            var (authCalls, authSamples, authElapsed, authPeak) = Combine(runs.Where(r => r.Auth), "with tokens");
            var (openCalls, openSamples, openElapsed, openPeak) = Combine(runs.Where(r => !r.Auth), "without tokens");

            var auth = authCalls / authElapsed.TotalSeconds;
            var open = openCalls / openElapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"with tokens:    {auth,6:F0} calls/s  p95 {authSamples.P95,7:F2} ms  peak RSS {authPeak:F0} MB"));
            Console.WriteLine(authSamples.Summary());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"without tokens: {open,6:F0} calls/s  p95 {openSamples.P95,7:F2} ms  peak RSS {openPeak:F0} MB"));
            Console.WriteLine(openSamples.Summary());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"with / without: calls/s {auth / open:F2}, p95 {authSamples.P95 / openSamples.P95:F2}, peak RSS {authPeak / openPeak:F2}"));
            var log = Path.Combine(root.FullName, "user-kiro", "kiro-mcp", "data", "audit", names[0] + ".jsonl");
            Console.WriteLine($"audit log of {names[0]} after the four runs: {(File.Exists(log) ? File.ReadLines(log).Count() : 0)} entries");
            return 0;
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    private static (int Calls, Samples Samples, TimeSpan Elapsed, double Peak) Combine(IEnumerable<(bool Auth, int Calls, Samples Samples, TimeSpan Elapsed, double Peak)> runs, string name)
    {
        var samples = new Samples(name);
        foreach (var run in runs)
        {
            samples.AddRange(run.Samples);
        }
        return (runs.Sum(r => r.Calls), samples, TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)), runs.Max(r => r.Peak));
    }

    private static async Task<(int Calls, Samples Samples, TimeSpan Elapsed, double PeakRss)> RunServerAsync(
        string repos, IReadOnlyList<string> extraArgs, List<string> names, List<string>? secrets, int seconds)
    {
        var users = secrets?.Count ?? 50;
        // The first user's client starts the server, so the server process is known before the users arrive.
        var first = secrets is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + secrets[0] };
        await using var server = await ServerProcess.StartHttpAsync(null, ["--workspaces", repos, .. extraArgs], first);
        var pid = server.HttpProcess!.Id;
        var clients = new List<McpClient>();
        try
        {
            for (var i = 0; i < users; i++)
            {
                var headers = secrets is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + secrets[i] };
                clients.Add(await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
                {
                    Endpoint = new Uri($"{server.Endpoint}/{names[i % names.Count]}"),
                    TransportMode = HttpTransportMode.StreamableHttp,
                    AdditionalHeaders = headers,
                }), ServerProcess.ClientOptions($"user{i}")));
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

    /// <summary>User <paramref name="user"/>'s call number <paramref name="call"/>: reads, and every tenth a status change.</summary>
    private static SessionRun.Call Next(int user, int call)
    {
        var tool = Tools[call % Tools.Length];
        return new SessionRun.Call(tool, tool switch
        {
            "spec_list" => [],
            "spec_read" => new() { ["spec"] = SpecGenerator.SpecName, ["document"] = "requirements" },
            // Each user moves a task of its own back and forth: writes contend for tasks.md's lock as a team's would.
            "task_set_status" => new() { ["spec"] = SpecGenerator.SpecName, ["taskId"] = $"{user % 15 + 1}.1", ["status"] = call / Tools.Length % 2 == 0 ? "in_progress" : "not_started" },
            _ => ToolCalls.Spec(SpecGenerator.SpecName),
        });
    }
}
