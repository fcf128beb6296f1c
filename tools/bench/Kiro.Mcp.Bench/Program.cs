using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Kiro.Mcp.Bench;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

// Times the server's hot tools over stdio against one large generated spec, through the official client,
// so the numbers include JSON-RPC framing and process boundaries the way an agent sees them.
const int WarmUp = 20;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("Usage: Kiro.Mcp.Bench [--requirements 500] [--tasks 2000] [--iterations 200]");
    return 2;
}

// Warm-up consumes the first leaf tasks, so the measured task loop needs its own untouched ones after them.
if (options.Tasks < WarmUp + options.Iterations)
{
    Console.Error.WriteLine($"--tasks must be at least {WarmUp + options.Iterations} (warm-up {WarmUp} + iterations {options.Iterations}).");
    return 2;
}

var root = RepoRoot.Find();
var dll = root is null ? null : Path.Combine(root, "src", "Kiro.Mcp.Server", "bin", "Release", "net10.0", "Kiro.Mcp.Server.dll");
if (dll is null || !File.Exists(dll))
{
    Console.Error.WriteLine("Build the server first: dotnet build -c Release src/Kiro.Mcp.Server");
    return 1;
}

var workspace = Directory.CreateTempSubdirectory("kiro-mcp-bench-");
try
{
    var leafIds = SpecGenerator.Write(workspace.FullName, options.Requirements, options.Tasks);
    var tasksKb = new FileInfo(Path.Combine(workspace.FullName, ".kiro", "specs", SpecGenerator.SpecName, "tasks.md")).Length / 1024.0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"requirements={options.Requirements}  criteria={options.Requirements * SpecGenerator.CriteriaPerRequirement}  tasks={leafIds.Count} (+{(leafIds.Count + SpecGenerator.TasksPerGroup - 1) / SpecGenerator.TasksPerGroup} groups)  tasks.md={tasksKb:F1} KB"));
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    Console.WriteLine($"iterations={options.Iterations}  warm-up={WarmUp} calls per tool");
    Console.WriteLine();

    var transport = new StdioClientTransport(new StdioClientTransportOptions
    {
        Name = "kiro-mcp",
        Command = "dotnet",
        Arguments = [dll, "--stdio", "--workspace", workspace.FullName, "--log-level", "Warning"],
        StandardErrorLines = _ => { },
    });
    await using var client = await McpClient.CreateAsync(transport, new McpClientOptions
    {
        ClientInfo = new Implementation { Name = "bench", Version = "1.0" },
        ProtocolVersion = "2025-11-25",
        InitializationTimeout = TimeSpan.FromSeconds(60),
    });

    var spec = new Dictionary<string, object?> { ["spec"] = SpecGenerator.SpecName };

    // Warm-up: JIT, caches and the first verification process launch stay out of the measured samples.
    for (var i = 0; i < WarmUp; i++)
    {
        await CallAsync(client, "spec_status", spec, null);
        await CallAsync(client, "spec_validate", spec, null);
        await CallAsync(client, "task_next", spec, null);
        await CallAsync(client, "task_start", TaskArgs(leafIds[i]), null);
        await CallAsync(client, "task_complete", TaskArgs(leafIds[i]), null);
    }

    var status = new Samples("spec_status");
    var validate = new Samples("spec_validate");
    var next = new Samples("task_next");
    var nextInLoop = new Samples("task_next*");
    var start = new Samples("task_start");
    var complete = new Samples("task_complete");

    for (var i = 0; i < options.Iterations; i++)
    {
        await CallAsync(client, "spec_status", spec, status);
    }
    // Validation parses and cross-checks all three documents, so fewer samples keep the run short.
    for (var i = 0; i < Math.Max(1, options.Iterations / 4); i++)
    {
        await CallAsync(client, "spec_validate", spec, validate);
    }
    for (var i = 0; i < options.Iterations; i++)
    {
        await CallAsync(client, "task_next", spec, next);
    }
    // The agent's loop: ask what is next, start it, finish it; every step rewrites tasks.md.
    foreach (var id in leafIds.Skip(WarmUp).Take(options.Iterations))
    {
        await CallAsync(client, "task_next", spec, nextInLoop);
        await CallAsync(client, "task_start", TaskArgs(id), start);
        await CallAsync(client, "task_complete", TaskArgs(id), complete);
    }

    foreach (var samples in new[] { status, validate, next, nextInLoop, start, complete })
    {
        Console.WriteLine(samples.Summary());
    }
    Console.WriteLine();
    Console.WriteLine("task_next* = task_next inside the next/start/complete loop, while the board changes.");
    return 0;
}
catch (ToolCallFailedException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
finally
{
    try
    {
        workspace.Delete(recursive: true);
    }
    catch (IOException)
    {
        // A leftover temp folder is harmless; it must not hide the benchmark's own result.
    }
}

static Dictionary<string, object?> TaskArgs(string taskId) =>
    new() { ["spec"] = SpecGenerator.SpecName, ["taskId"] = taskId };

static async Task CallAsync(McpClient client, string tool, IReadOnlyDictionary<string, object?> arguments, Samples? samples)
{
    var stopwatch = Stopwatch.StartNew();
    var result = await client.CallToolAsync(tool, arguments);
    stopwatch.Stop();
    // Timing a failing call measures the error path, not the tool, so any error ends the run.
    if (result.IsError == true)
    {
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
        throw new ToolCallFailedException($"{tool} {string.Join(", ", arguments.Select(a => $"{a.Key}={a.Value}"))} returned isError:\n{text}");
    }
    samples?.Add(stopwatch.Elapsed);
}
