using Kiro.Mcp.Server.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Protocol;
using Serilog;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>MCP over stdin/stdout: no web stack, so a desktop client's per-conversation launch stays quick.</summary>
public static class StdioServer
{
    /// <param name="extensions">Extra MCP registrations on top of Kiro's (a test host adds fixtures this way); null for none.</param>
    public static async Task<int> RunAsync(ServerSettings settings, Action<IMcpServerBuilder>? extensions, CancellationToken cancellationToken)
    {
        // Anything a library prints must not corrupt the protocol stream: stdout is the transport's alone.
        Console.SetOut(Console.Error);
        await using var logger = Logging.Create(settings);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSerilog(logger);
        builder.Services.AddKiroWorkspaces(settings);
        builder.Services.AddKiroMcpServer(mcp =>
        {
            mcp.WithStdioServerTransport();
            // The SDK's stdio transport, read through a bound on message size and the initialize-first rule.
            mcp.Services.Replace(ServiceDescriptor.Singleton<ITransport>(services => StdioGuardTransport.Create(
                Console.OpenStandardInput(), new BufferedStream(Console.OpenStandardOutput()), settings.MaxMessageBytes,
                KiroMcpRegistration.ServerName, services.GetRequiredService<ILoggerFactory>())));
            extensions?.Invoke(mcp);
        });
        using var host = builder.Build();
        logger.Information("Kiro.Mcp {Version} serving {Workspaces} over stdio", KiroMcpRegistration.Version, settings.Describe());
        await host.RunAsync(cancellationToken);
        RuntimeDiagnostics.Log(logger);
        return 0;
    }
}
