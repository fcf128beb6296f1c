using System.Diagnostics;
using System.Runtime.InteropServices;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Kiro.Mcp.Bench;

/// <summary>
/// The Release build of the server in a child process with the official client connected to it, over stdio
/// or over Streamable HTTP on a loopback port, the way an agent connects.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private ServerProcess(McpClient client, Process? httpProcess, Uri? endpoint)
    {
        Client = client;
        HttpProcess = httpProcess;
        Endpoint = endpoint;
    }

    public McpClient Client { get; }

    /// <summary>The server process when it serves HTTP (the stdio child belongs to the client transport).</summary>
    public Process? HttpProcess { get; }

    public Uri? Endpoint { get; }

    public static McpClientOptions ClientOptions(string name = "bench") => new()
    {
        ClientInfo = new Implementation { Name = name, Version = "1.0" },
        // A pinned initialize-era revision: the newest-revision probe would add a round trip to every connect.
        ProtocolVersion = "2025-11-25",
        InitializationTimeout = StartTimeout,
    };

    public static Task<ServerProcess> StartAsync(string transport, string workspace, IReadOnlyList<string>? extraArgs = null) =>
        transport == "http" ? StartHttpAsync(workspace, extraArgs ?? []) : StartStdioAsync(workspace, extraArgs ?? []);

    public static async Task<ServerProcess> StartStdioAsync(string workspace, IReadOnlyList<string>? extraArgs = null)
    {
        var (command, prefix) = RepoRoot.Server();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "kiro-mcp",
            Command = command,
            Arguments = [.. prefix, "--stdio", "--workspace", workspace, "--log-level", "Warning", .. extraArgs ?? []],
            StandardErrorLines = _ => { },
        });
        return new ServerProcess(await McpClient.CreateAsync(transport, ClientOptions()), null, null);
    }

    /// <param name="workspace">The --workspace to serve, or null when <paramref name="extraArgs"/> name what to serve (--workspaces DIR).</param>
    public static async Task<ServerProcess> StartHttpAsync(string? workspace, IReadOnlyList<string> extraArgs, IDictionary<string, string>? headers = null)
    {
        var (process, endpoint) = await LaunchHttpAsync(workspace, extraArgs);
        try
        {
            var client = await ConnectAsync(endpoint, "bench", headers);
            return new ServerProcess(client, process, endpoint);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public static async Task<McpClient> ConnectAsync(Uri endpoint, string name, IDictionary<string, string>? headers = null) =>
        await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, TransportMode = HttpTransportMode.StreamableHttp, AdditionalHeaders = headers }),
            ClientOptions(name));

    /// <summary>Starts <c>--http --port 0</c> and waits for the "Listening on" line that names the port.</summary>
    private static async Task<(Process Process, Uri Endpoint)> LaunchHttpAsync(string? workspace, IReadOnlyList<string> extraArgs)
    {
        var (command, prefix) = RepoRoot.Server();
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        string[] served = workspace is null ? [] : ["--workspace", workspace];
        foreach (var arg in prefix.Concat(["--http", "--port", "0", "--log-level", "Warning"]).Concat(served).Concat(extraArgs))
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            const string marker = "Listening on ";
            if (e.Data is null)
            {
                listening.TrySetException(new BenchSetupException("The HTTP server exited before listening."));
            }
            else if (e.Data.StartsWith(marker, StringComparison.Ordinal))
            {
                listening.TrySetResult(new Uri(e.Data[marker.Length..].Trim()));
            }
        };
        // Drained so that a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            return (process, await listening.Task.WaitAsync(StartTimeout));
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>
    /// SIGTERM first, as a supervisor stops a server, then SIGKILL after 10 s: a killed runtime leaves its diagnostics
    /// pipes behind in /tmp (.NET's <see cref="Process.Kill()"/> sends only SIGKILL).
    /// </summary>
    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                if (!OperatingSystem.IsWindows())
                {
                    _ = Kill(process.Id, SigTerm);
                }
                if (!process.WaitForExit(OperatingSystem.IsWindows() ? 0 : 10_000))
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

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        if (HttpProcess is not null)
        {
            Stop(HttpProcess);
        }
    }

    private const int SigTerm = 15;

    // DllImport rather than LibraryImport, as in ProcessSweep: an int-only signature needs no marshalling.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
