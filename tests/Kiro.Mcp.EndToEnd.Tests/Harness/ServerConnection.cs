using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.EndToEnd.Tests.Harness;

/// <summary>
/// The real server in a child process and a real MCP client connected to it, over stdio or over
/// HTTP on a loopback port. The client acts like a desktop client (protocol 2025-11-25).
/// </summary>
public sealed class ServerConnection : IAsyncDisposable
{
    /// <summary>The variable that points the server at another ~/.kiro (Kiro.Mcp.Workspace.UserKiroFolder).</summary>
    public const string UserKiroVariable = "KIRO_MCP_USER_DIR";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process? _httpProcess;
    private Dictionary<string, JsonElement?>? _outputSchemas;

    private ServerConnection(McpClient client, Process? httpProcess, ConcurrentQueue<string> stderr, Uri? endpoint)
    {
        Client = client;
        _httpProcess = httpProcess;
        Stderr = stderr;
        Endpoint = endpoint;
    }

    public McpClient Client { get; }

    public ConcurrentQueue<string> Stderr { get; }

    /// <summary>The HTTP endpoint, null over stdio.</summary>
    public Uri? Endpoint { get; }

    public static Task<ServerConnection> StartAsync(Transport transport, string workspace, McpClientOptions? options = null, IReadOnlyList<string>? extraArgs = null) =>
        transport == Transport.Stdio ? StartStdioAsync(workspace, options, extraArgs) : StartHttpAsync(workspace, extraArgs ?? [], options);

    /// <summary>The option that trusts the workspace for one server process: command hooks, verification and MSBuild run.</summary>
    public const string Trust = "--trust";

    public static McpClientOptions DesktopClient(string name = "e2e-client") => new()
    {
        ClientInfo = new Implementation { Name = name, Version = "1.0" },
        ProtocolVersion = "2025-11-25",
        InitializationTimeout = StartTimeout,
        DiscoverProbeTimeout = StartTimeout,
    };

    /// <param name="userKiro">The server's ~/.kiro; default <see cref="UserKiroDirectory"/>.</param>
    /// <param name="binary">Another build of the server (a DLL, or a native executable such as the AOT binary); default <see cref="ServerBinary.Path"/>.</param>
    public static async Task<ServerConnection> StartStdioAsync(string workspace, McpClientOptions? options = null, IReadOnlyList<string>? extraArgs = null, string? userKiro = null, string? binary = null)
    {
        var stderr = new ConcurrentQueue<string>();
        var (command, prefix) = ServerBinary.CommandFor(binary ?? ServerBinary.Path);
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "kiro-mcp",
            Command = command,
            Arguments = [.. prefix, "--stdio", "--workspace", workspace, "--log-level", "Debug", .. extraArgs ?? []],
            StandardErrorLines = stderr.Enqueue,
            EnvironmentVariables = new Dictionary<string, string?> { [UserKiroVariable] = userKiro ?? UserKiroDirectory(workspace) },
        });
        var client = await McpClient.CreateAsync(transport, options ?? DesktopClient());
        return new ServerConnection(client, null, stderr, null);
    }

    public static async Task<ServerConnection> StartHttpAsync(string workspace, IReadOnlyList<string> extraArgs, McpClientOptions? options = null, IDictionary<string, string>? headers = null, string? binary = null)
    {
        var (process, stderr, endpoint) = await LaunchHttpAsync(workspace, extraArgs, binary);
        try
        {
            var transport = new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = endpoint,
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = headers,
            });
            var client = await McpClient.CreateAsync(transport, options ?? DesktopClient());
            return new ServerConnection(client, process, stderr, endpoint);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>Another client on an HTTP server that is already running, with this class's call helpers; disposing it closes only the client.</summary>
    public static async Task<ServerConnection> AttachHttpAsync(Uri endpoint, string name) =>
        new(await ConnectHttpAsync(endpoint, name), null, new ConcurrentQueue<string>(), endpoint);

    /// <summary>Another client on an HTTP server that is already running (several clients, one server).</summary>
    public static async Task<McpClient> ConnectHttpAsync(Uri endpoint, string name) =>
        await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp }), DesktopClient(name));

    /// <summary>Starts the HTTP server (or another build of it, such as the conformance host) and waits for its "Listening on" line.</summary>
    public static Task<(Process Process, ConcurrentQueue<string> Stderr, Uri Endpoint)> LaunchHttpAsync(string workspace, IReadOnlyList<string> extraArgs, string? binary = null) =>
        LaunchListeningAsync(workspace, binary ?? ServerBinary.Path, ["--http", "--port", "0", "--workspace", workspace, .. extraArgs]);

    /// <summary>Runs <paramref name="binary"/> (the server's DLL or a native binary) with <paramref name="arguments"/> (a server, or <c>kiro-mcp dashboard</c>) and waits for its "Listening on" line.</summary>
    public static async Task<(Process Process, ConcurrentQueue<string> Stderr, Uri Endpoint)> LaunchListeningAsync(string workspace, string binary, IReadOnlyList<string> arguments)
    {
        var (command, prefix) = ServerBinary.CommandFor(binary);
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.Environment[UserKiroVariable] = UserKiroDirectory(workspace);
        foreach (var arg in prefix.Concat(arguments))
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        var stderr = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("The server exited: " + string.Join('\n', stderr)));
                return;
            }
            stderr.Enqueue(e.Data);
            const string marker = "Listening on ";
            if (e.Data.StartsWith(marker, StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(e.Data[marker.Length..].Trim()));
            }
        };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { stderr.Enqueue("stdout: " + e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            return (process, stderr, await listening.Task.WaitAsync(StartTimeout));
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>
    /// The server's stand-in for the user's ~/.kiro: a sibling of the workspace, so no test ever reads the
    /// real home folder. It does not exist unless a test creates it.
    /// </summary>
    public static string UserKiroDirectory(string workspace) =>
        Path.TrimEndingDirectorySeparator(workspace) + ".user-kiro";

    /// <summary>
    /// Runs <c>kiro-mcp trust</c> (or another sub-command) as the user would, with the test's stand-in for ~/.kiro,
    /// and returns its exit code and output.
    /// </summary>
    public static Task<(int ExitCode, string Output)> RunCommandAsync(string workspace, params string[] args) =>
        RunAsync("dotnet", [ServerBinary.Path, .. args], workspace);

    /// <summary>
    /// How the server names its own trust command when launched as <c>dotnet Kiro.Mcp.Server.dll</c>, as these
    /// tests launch it (the installed tool says <c>kiro-mcp trust</c>).
    /// </summary>
    public static string TrustCommand => $"dotnet {ServerBinary.Path} trust";

    /// <summary>
    /// Runs a command line a message told the user to run, with the test's stand-in for ~/.kiro (that of
    /// <paramref name="workspace"/>, or of the workspace the command's last argument names).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> args, string? workspace = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment[UserKiroVariable] = UserKiroDirectory(workspace ?? args[^1]);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(StartTimeout);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Adds the workspace to the (stand-in) user's trust list with <c>kiro-mcp trust</c>.</summary>
    public static async Task TrustAsync(string workspace)
    {
        var (exitCode, output) = await RunCommandAsync(workspace, "trust", workspace);
        Assert.True(exitCode == 0, output);
    }

    /// <summary>
    /// Stops a server as its supervisor would: SIGTERM, and SIGKILL only if it is still there after docker stop's
    /// grace period. A killed runtime leaves its diagnostics pipes behind in /tmp, outside the test's workspace.
    /// </summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                Processes.Terminate(process);
                if (!process.WaitForExit(Processes.GracePeriod))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    public Task<CallToolResult> CallAsync(string tool, object arguments) =>
        Client.CallToolAsync(tool, ToDictionary(arguments)).AsTask();

    /// <summary>Calls a tool that must succeed and returns its structured result, checked against the tool's output schema.</summary>
    public async Task<JsonElement> CallOkAsync(string tool, object arguments) =>
        (await CallOkResultAsync(tool, arguments)).StructuredContent!.Value;

    /// <summary>Like <see cref="CallOkAsync"/>, but the whole result, for tools whose content carries more than the structured part.</summary>
    public async Task<CallToolResult> CallOkResultAsync(string tool, object arguments)
    {
        var result = await CallAsync(tool, arguments);
        Assert.False(result.IsError == true, $"{tool} failed: {Text(result)}");
        Assert.NotNull(result.StructuredContent);
        _outputSchemas ??= (await Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool.OutputSchema);
        var schema = _outputSchemas[tool];
        Assert.NotNull(schema);
        OutputSchema.AssertConforms(schema.Value, result.StructuredContent.Value, tool);
        return result;
    }

    /// <summary>Calls a tool that must fail with the given error code, and returns the message.</summary>
    public async Task<string> CallErrorAsync(string tool, object arguments, string code)
    {
        var result = await CallAsync(tool, arguments);
        Assert.True(result.IsError == true, $"{tool} should have failed with {code} but returned: {Text(result)}");
        var text = Text(result);
        Assert.StartsWith($"[{code}]", text);
        return text;
    }

    public static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (_httpProcess is not null)
        {
            Stop(_httpProcess);
        }
    }

    private static Dictionary<string, object?> ToDictionary(object arguments) =>
        arguments as Dictionary<string, object?>
        ?? JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
}
