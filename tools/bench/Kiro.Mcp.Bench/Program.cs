using Kiro.Mcp.Bench;

// On-demand benchmarks (never part of the test suite). Each prints medians; see tools/bench/README.md.
const string Usage = """
    Usage: Kiro.Mcp.Bench <benchmark> [options]
      latency    [--transport stdio|http|both|none] [--requirements 500] [--tasks 2000] [--iterations 200] [--in-process yes|no]
      coldstart  [--runs 10] [--tool <installed kiro-mcp>] [--node-server <server-filesystem dist/index.js>] [--reference-tool <installed minimal-sdk-server>] [--dnx-feed <folder with the packages>]
      load       [--sessions 50] [--seconds 30] [--requirements 50] [--tasks 200] [--stateless true]
      documents  [--passes 30]
      pathological [--chain 100000] [--braces 15000] [--timeout 60] [--max-tasks 50000] [--steps pbs]
      toolsize
      hookoutput [--megabytes 100]
      workspaces [--repositories 100] [--active 5] [--folders 5000] [--sessions 50] [--seconds 20]
      watches    [--repos 10] [--folders 5000]
      team       [--users 50] [--repositories 5] [--seconds 20]
      check      [--runs 10]
      table      [--seconds 15] [--solutions generated|A.sln,B.sln] [--steering-runs 3] [--tool …] [--node-server …] [--reference-tool …] [--dnx-feed DIR] [--feed DIR] [--tool-path DIR] [--reference-tool-path DIR] [--installed-binary FILE]   (run.sh table adds the last eight)
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
// The servers a benchmark starts keep their audit logs in the user folder: a temp one, never the real ~/.kiro.
DirectoryInfo? userKiro = null;
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KIRO_MCP_USER_DIR")))
{
    userKiro = Directory.CreateTempSubdirectory("kiro-bench-user-");
    Environment.SetEnvironmentVariable("KIRO_MCP_USER_DIR", userKiro.FullName);
}
try
{
    var rest = args[1..];
    return args[0] switch
    {
        "latency" => await LatencyBench.RunAsync(BenchArgs.Parse(rest, LatencyBench.Options)),
        "coldstart" => await ColdStartBench.RunAsync(BenchArgs.Parse(rest, ColdStartBench.Options)),
        "load" => await LoadBench.RunAsync(BenchArgs.Parse(rest, LoadBench.Options)),
        "documents" => DocumentsBench.Run(BenchArgs.Parse(rest, DocumentsBench.Options)),
        "toolsize" => await ToolListBench.RunAsync(),
        "hookoutput" => await HookOutputBench.RunAsync(BenchArgs.Parse(rest, HookOutputBench.Options)),
        "workspaces" => await WorkspacesBench.RunAsync(BenchArgs.Parse(rest, WorkspacesBench.Options)),
        "team" => await TeamBench.RunAsync(BenchArgs.Parse(rest, TeamBench.Options)),
        "watches" => WatchBench.Run(BenchArgs.Parse(rest, WatchBench.Options)),
        "check" => await CheckBench.RunAsync(BenchArgs.Parse(rest, CheckBench.Options)),
        "table" => await TableBench.RunAsync(BenchArgs.Parse(rest, TableBench.Options)),
        "pathological" => await PathologicalBench.RunAsync(BenchArgs.Parse(rest, PathologicalBench.Options)),
        _ => throw new ArgumentException($"Unknown benchmark '{args[0]}'."),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (Exception e) when (e is BenchSetupException or ToolCallFailedException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
finally
{
    if (userKiro is not null)
    {
        TempFolder.Delete(userKiro);
    }
}
