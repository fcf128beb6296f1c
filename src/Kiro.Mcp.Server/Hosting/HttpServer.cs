using System.Net;
using Kiro.Mcp.Server.Dashboard;
using Kiro.Mcp.Server.Http;
using Kiro.Mcp.Server.Resources;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using ModelContextProtocol.AspNetCore;
using Serilog;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// MCP over Streamable HTTP on loopback unless told otherwise: /mcp serves every workspace (tools take a
/// 'workspace' argument), /mcp/NAME serves the workspace NAME alone, so each IDE window can point at its
/// repository's own URL.
/// </summary>
public static class HttpServer
{
    public const string Path = "/mcp";

    /// <param name="extensions">Extra MCP registrations on top of Kiro's (a test host adds fixtures this way); null for none.</param>
    public static async Task<int> RunAsync(ServerSettings settings, Action<IMcpServerBuilder>? extensions, CancellationToken cancellationToken)
    {
        await using var logger = Logging.Create(settings);
        await using var app = Build(settings, logger, extensions);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        // Printed once, when requests can be served: scripts and tests wait for this line.
        await Console.Error.WriteLineAsync($"Listening on http://{UrlHost(settings.Host)}:{port}{(settings.DashboardOnly ? "/" : Path)}");
        logger.Information("Kiro.Mcp {Version} serving {Workspaces} over HTTP ({Mode})", KiroMcpRegistration.Version, settings.Describe(), settings.Stateless ? "stateless" : "stateful");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    public static WebApplication Build(ServerSettings settings, Serilog.ILogger logger, Action<IMcpServerBuilder>? extensions = null)
    {
        // The host would watch its content root (by default the folder the server was started in: a repository, a
        // home folder) recursively for configuration changes, spending thousands of the user's inotify watches
        // (2,711 in tools/bench/run.sh workspaces, started from this repository). There is no configuration file
        // to reload: no watch, and the server's own folder as the content root.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddSerilog(logger);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(ListenAddress(settings.Host), settings.Port);
            // The same bound as a stdin line (Kestrel answers 413 beyond it); Kestrel's own default is 30 MB.
            kestrel.Limits.MaxRequestBodySize = settings.MaxMessageBytes;
        });
        // The SDK checks neither Host nor Origin (DNS rebinding): both checks are ours and always on. A request
        // without a Host (HTTP/1.0) or with an empty one names no host we could check, so it is refused (400)
        // like a foreign one (docs/http-security.md).
        builder.Services.AddHostFiltering(options =>
        {
            options.AllowedHosts = AllowedHosts(settings.Host);
            if (PublicHost(settings) is { } publicHost)
            {
                options.AllowedHosts.Add(publicHost);
            }
            options.AllowEmptyHosts = false;
        });
        builder.Services.AddKiroAuthentication(settings);
        // The dashboard's forms (approve, request changes) carry a token a page of another origin cannot read.
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton<DashboardStreams>();
        if (settings.Team?.RateLimit is { } rateLimit)
        {
            builder.Services.AddKiroRateLimits(rateLimit);
        }
        var sessions = new SessionRegistry();
        // Resumable streams: a client whose SSE connection drops reconnects with Last-Event-ID and receives what it
        // missed, instead of losing a tool result or a notification. Events are kept in memory, within a byte budget.
        var eventStore = settings.Stateless ? null : new ResumableStreamStore();
        builder.Services.AddKiroWorkspaces(settings);
        builder.Services.AddKiroMcpServer(
            mcp =>
            {
                mcp.WithHttpTransport(options =>
                {
                    options.SessionMode = settings.Stateless ? HttpServerSessionMode.Stateless : HttpServerSessionMode.Stateful;
                    if (!settings.Stateless)
                    {
                        sessions.Attach(options);
                    }
                    options.ConfigureSessionOptions = WorkspaceEndpoint.ConfigureSessionAsync;
                    if (eventStore is not null)
                    {
                        // The SDK marks the knob MCP9006: stateful-only, informational.
#pragma warning disable MCP9006
                        options.EventStreamStore = eventStore;
#pragma warning restore MCP9006
                    }
                });
                extensions?.Invoke(mcp);
            },
            notifications: !settings.Stateless);

        var app = builder.Build();
        sessions.Ended += app.Services.GetRequiredService<SubscriptionRegistry>().Forget;
        if (eventStore is not null)
        {
            app.Lifetime.ApplicationStopping.Register(eventStore.EndReaders);
        }
        if (PublicHost(settings) is not null)
        {
            // Behind a TLS proxy on this machine: its X-Forwarded-Proto and -Host (trusted from loopback only, the
            // middleware's default) give the public scheme and host, which the host filter then checks.
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost });
        }
        app.UseHostFiltering();
        app.UseMiddleware<OriginCheckMiddleware>(settings.Host);
        // The rate limiter sits between authentication (it counts per user) and authorization (so a flood of
        // anonymous requests is limited per address before it is refused).
        app.UseKiroAuthentication(settings, between: settings.Team?.RateLimit is null ? null : () => app.UseRateLimiter());
        // A workspace's dashboard pages need a role in it, as its MCP tools do.
        app.Use(DashboardAccess.RequireReaderAsync);
        // Protocol edges the SDK answers wrongly (a 500, a 200), checked after authentication so an anonymous
        // caller learns nothing about sessions.
        app.UseMiddleware<ContentTypeMiddleware>();
        if (!settings.Stateless)
        {
            app.UseMiddleware<SessionDeleteMiddleware>(sessions);
        }
        app.UseMiddleware<WorkspaceEndpoint>();
        if (!settings.DashboardOnly)
        {
            app.MapMcp(Path);
            app.MapMcp(Path + "/{" + WorkspaceEndpoint.RouteValue + "}");
        }
        app.MapDashboard();
        return app;
    }

    private static IPAddress ListenAddress(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Parse(host);

    /// <summary>The host of the configured public URL (auth.publicUrl), as a Host header carries it, or null.</summary>
    private static string? PublicHost(ServerSettings settings) =>
        settings.Team?.Auth?.PublicUrl is { } url ? new Uri(url).Authority : null;

    private static List<string> AllowedHosts(string host)
    {
        List<string> hosts = ["localhost", "127.0.0.1", "[::1]"];
        if (!CommandLine.IsLoopback(host))
        {
            var address = IPAddress.Parse(host);
            // On every interface any Host header is legitimate and the token is the guard; on one address, only that address.
            hosts.Add(address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? "*" : UrlHost(host));
        }
        return hosts;
    }

    private static string UrlHost(string host) =>
        IPAddress.TryParse(host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
}
