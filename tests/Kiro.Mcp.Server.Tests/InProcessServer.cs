using System.IO.Pipelines;
using Kiro.Mcp.Server.Hosting;
using Kiro.Mcp.Workspace;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Tests;

/// <summary>
/// The real server pipeline (<see cref="KiroMcpRegistration"/>) and a real client in one process,
/// connected by pipes — the SDK's own test pattern, for fast tests of the MCP surface.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly ServiceProvider _services;
    private readonly Task _serverTask;

    private InProcessServer(string workspace, Action<IServiceCollection>? configure)
    {
        Workspace = workspace;
        var services = new ServiceCollection();
        services.AddLogging();
        // A stand-in for ~/.kiro beside the workspace, so no test reads the real home folder.
        services.AddSingleton(new UserKiroFolder(workspace + ".user-kiro"));
        services.AddKiroWorkspaces(ServerSettings.ForWorkspace(workspace));
        configure?.Invoke(services);
        services.AddKiroMcpServer(mcp => mcp.WithStreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream()));
        _services = services.BuildServiceProvider(validateScopes: true);
        _serverTask = _services.GetRequiredService<McpServer>().RunAsync(_stop.Token);
    }

    public string Workspace { get; }

    /// <summary>The workspace's name: the first segment of its resource addresses.</summary>
    public string Name => Kiro.Mcp.Server.Workspaces.WorkspaceName.FromPath(Workspace);

    public McpClient Client { get; private set; } = null!;

    /// <summary>The server's services: what it registered, as it resolved them.</summary>
    public IServiceProvider Services => _services;

    /// <param name="configure">Replaces server-wide services after Kiro's (the last registration wins).</param>
    public static async Task<InProcessServer> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var server = new InProcessServer(Directory.CreateTempSubdirectory("kiro-mcp-inproc-").FullName, configure);
        server.Client = await McpClient.CreateAsync(
            new StreamClientTransport(server._clientToServer.Writer.AsStream(), server._serverToClient.Reader.AsStream()),
            new McpClientOptions { ClientInfo = new Implementation { Name = "in-process", Version = "1.0" }, ProtocolVersion = "2025-11-25" });
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        await _clientToServer.Writer.CompleteAsync();
        await _serverToClient.Writer.CompleteAsync();
        try
        {
            await _serverTask;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what we asked for.
        }
        await _services.DisposeAsync();
        _stop.Dispose();
        Directory.Delete(Workspace, recursive: true);
    }
}
