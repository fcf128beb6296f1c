using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Kiro.Mcp.SteeringBench;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

// Times steering_generate over stdio through the official client on a generated large solution:
// cold (a fresh server process per run: JIT, Roslyn load, MSBuild evaluation) and cached (the same
// process, nothing changed). The generated solution is the bench's own, so the server runs with --trust and writes
// the documents (a dry run never evaluates MSBuild). With --workspace PATH it instead runs one dry run there (no
// MSBuild: the workspace is not trusted by this) and prints the documents.
var projects = 60;
var filesPerProject = 60;
var runs = 3;
var cachedRuns = 10;
string? workspaceArg = null;
string? compareArg = null;
string? serverArg = null;
if (args is ["--bare-open", var solutionToOpen])
{
    return await BareOpen.RunAsync(solutionToOpen);
}
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--projects": projects = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--files": filesPerProject = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--workspace": workspaceArg = args[i + 1]; break;
        case "--compare": compareArg = args[i + 1]; break;
        case "--server": serverArg = args[i + 1]; break;
        default: Console.Error.WriteLine("Usage: Kiro.Mcp.SteeringBench [--projects 60] [--files 60] [--runs 3] | --workspace PATH | --compare SOLUTION|generated [--runs 5] [--server DLL] [--projects 60] [--files 60]"); return 2;
    }
}

var dll = serverArg is not null ? Path.GetFullPath(serverArg) : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "src", "Kiro.Mcp.Server", "bin", "Release", "net10.0", "Kiro.Mcp.Server.dll");
if (!File.Exists(dll))
{
    Console.Error.WriteLine("Build the server first: dotnet build -c Release src/Kiro.Mcp.Server");
    return 1;
}

if (workspaceArg is not null)
{
    await using var client = await ConnectAsync(dll, Path.GetFullPath(workspaceArg), trust: false);
    var result = await client.CallToolAsync("steering_generate", new Dictionary<string, object?> { ["dryRun"] = true });
    var structured = result.StructuredContent!.Value;
    foreach (var document in structured.GetProperty("documents").EnumerateArray())
    {
        Console.WriteLine($"===== {document.GetProperty("path").GetString()} ({document.GetProperty("outcome").GetString()})");
        Console.WriteLine(document.GetProperty("content").GetString());
    }
    Console.WriteLine($"===== dotNetAnalysis={structured.GetProperty("dotNetAnalysis").GetString()}");
    Console.WriteLine($"notes: {structured.GetProperty("notes")}");
    Console.WriteLine($"questions: {structured.GetProperty("questions")}");
    return result.IsError == true ? 1 : 0;
}

if (compareArg is not null)
{
    return await Compare.RunAsync(dll, compareArg, runs, (projects, filesPerProject), ConnectAsync);
}

var workspace = Directory.CreateTempSubdirectory("kiro-mcp-steering-bench-");
try
{
    var files = LargeSolution.Write(workspace.FullName, projects, filesPerProject);
    Console.WriteLine($"solution: {projects} projects, {files} C# files; machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    var cold = new List<double>();
    var cached = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        await using var client = await ConnectAsync(dll, workspace.FullName, trust: true);
        cold.Add(await TimeAsync(client, expectCached: false));
        if (run == 0)
        {
            for (var i = 0; i < cachedRuns; i++)
            {
                cached.Add(await TimeAsync(client, expectCached: true));
            }
        }
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold   (new server process, n={cold.Count}): median {Median(cold):F0} ms  (min {cold.Min():F0}, max {cold.Max():F0})"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cached (same process, n={cached.Count}):       median {Median(cached):F0} ms  (min {cached.Min():F0}, max {cached.Max():F0})"));
    return 0;
}
finally
{
    workspace.Delete(recursive: true);
}

static async Task<double> TimeAsync(McpClient client, bool expectCached)
{
    var watch = Stopwatch.StartNew();
    var result = await client.CallToolAsync("steering_generate", new Dictionary<string, object?>());
    watch.Stop();
    if (result.IsError == true || result.StructuredContent!.Value.GetProperty("cached").GetBoolean() != expectCached)
    {
        throw new InvalidOperationException("Unexpected result: " + JsonSerializer.Serialize(result.StructuredContent));
    }
    return watch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> samples)
{
    var sorted = samples.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static async Task<McpClient> ConnectAsync(string dll, string workspace, bool trust) =>
    await McpClient.CreateAsync(
        new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "kiro-mcp",
            Command = "dotnet",
            Arguments = trust
                ? [dll, "--stdio", "--workspace", workspace, "--log-level", "Warning", "--trust"]
                : [dll, "--stdio", "--workspace", workspace, "--log-level", "Warning"],
            StandardErrorLines = _ => { },
        }),
        new McpClientOptions { ClientInfo = new Implementation { Name = "steering-bench", Version = "1.0" }, ProtocolVersion = "2025-11-25", InitializationTimeout = TimeSpan.FromSeconds(60) });
