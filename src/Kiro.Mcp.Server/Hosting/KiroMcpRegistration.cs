using Microsoft.Extensions.DependencyInjection.Extensions;
using Kiro.Mcp.Server.Prompts;
using Kiro.Mcp.Server.Protocol;
using Kiro.Mcp.Server.Resources;
using Kiro.Mcp.Server.Tools;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Steering.References;
using Kiro.Mcp.Steering.Service;
using Kiro.Mcp.Steering.Generation.Roslyn;
using Kiro.Mcp.Steering.Generation.Service;
using Kiro.Mcp.Workspace;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>
/// The one place that wires the domain and the MCP surface together, shared by stdio, HTTP and the
/// in-process tests, so every transport serves exactly the same tools, resources and prompts.
/// </summary>
public static class KiroMcpRegistration
{
    public const string ServerName = "kiro-mcp";

    public static IServiceCollection AddKiroWorkspace(this IServiceCollection services, string workspace, ServerSettings? settings = null)
    {
        services.AddSingleton(new WorkspaceRoot(workspace));
        services.AddHostedService<WorkspaceProblemLog>();
        services.TryAddSingleton(UserKiroFolder.FromEnvironment());
        services.AddSingleton<FileStore>();
        services.AddSingleton<TrustList>();
        // Trust is decided outside the repository: --trust for this process, or the user's own trust list.
        services.AddSingleton(sp => new WorkspaceTrust(sp.GetRequiredService<WorkspaceRoot>(), sp.GetRequiredService<TrustList>(), settings?.Trust == true, settings?.Command ?? WorkspaceTrust.ToolCommand));
        services.AddSingleton<SpecIndex>();
        services.AddSingleton(TimeProvider.System);
        // First of the hosted services: leftovers of a killed server are gone before anything reads .kiro/.
        services.AddHostedService<LeftoverCleanup>();
        services.AddSingleton<SpecService>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<GitHistory>();
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<SteeringIndex>();
        services.AddSingleton<SteeringLoader>();
        services.AddSingleton<ReferenceExpander>();
        services.AddSingleton<SteeringService>();
        services.AddSingleton<ISteeringSource, TaskSteeringSource>();
        // The lambda's body is the only reference to the Roslyn assembly: it loads on the first generation, never at start-up.
        services.AddSingleton(sp => new SteeringGenerator(sp.GetRequiredService<FileStore>(), static () => new MsBuildCodeReader(), sp.GetRequiredService<WorkspaceTrust>()));
        services.AddSingleton<SubscriptionRegistry>();
        // One watcher for the whole workspace; its listeners subscribe as they start, then WatcherHost starts it.
        services.AddSingleton(sp => WatcherHost.Create(sp.GetRequiredService<WorkspaceRoot>()));
        services.AddHostedService<WorkspaceChangeNotifier>();
        services.AddKiroHooks(settings);
        services.AddHostedService<WatcherHost>();
        return services;
    }

    public static IServiceCollection AddKiroMcpServer(this IServiceCollection services, Action<IMcpServerBuilder> transport, bool notifications = true)
    {
        var builder = services.AddMcpServer(options =>
        {
            options.ServerInfo = new Implementation { Name = ServerName, Title = "Kiro.Mcp", Version = Version };
            options.ServerInstructions = Instructions;
        });
        // The assistant learns at the start whether code from the workspace may run, and how the user can allow it.
        services.AddOptions<McpServerOptions>().Configure<WorkspaceTrust>((options, trust) => options.ServerInstructions = Instructions + " " + TrustInstructions(trust));
        transport(builder);
        builder
            .WithTools<SpecTools>(KiroJson.Options)
            .WithTools<TaskTools>(KiroJson.Options)
            .WithTools<SteeringTools>(KiroJson.Options)
            .WithTools<HookTools>(KiroJson.Options)
            .WithTools<SteeringGenerationTools>(KiroJson.Options)
            .WithResources<SpecResources>()
            .WithResources<SteeringResources>()
            .WithResources<HookResources>()
            .WithPrompts<SpecPrompts>(KiroJson.Options)
            .WithPrompts<SteeringPrompts>(KiroJson.Options)
            .WithCompleteHandler(Completions.HandleAsync)
            .WithMessageFilters(filters => filters.AddIncomingFilter(InvalidParamsFilter.Incoming))
            .WithRequestFilters(filters => filters.AddCallToolFilter(CancellationLog.Tools).AddCallToolFilter(ToolArgumentFilter.Tools).AddCallToolFilter(ErrorFilters.Tools).AddCallToolFilter(HookNotices.Tools).AddReadResourceFilter(ErrorFilters.Resources));
        if (notifications)
        {
            // Subscriptions need a session to notify; stateless HTTP has none, so it does not offer them.
            builder
                .WithSubscribeToResourcesHandler(SubscriptionRegistry.SubscribeAsync)
                .WithUnsubscribeFromResourcesHandler(SubscriptionRegistry.UnsubscribeAsync)
                .WithMessageFilters(filters => filters.AddIncomingFilter(SubscriptionRegistry.TrackSessions));
        }
        return services;
    }

    public static string Version { get; } =
        typeof(KiroMcpRegistration).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static string TrustInstructions(WorkspaceTrust trust) => trust.IsTrusted
        ? "This workspace is trusted: its command hooks, task verification commands and MSBuild evaluation run."
        : trust.Untrusted("its command hooks, task verification commands and MSBuild evaluation in steering_generate do not run (agent hooks and every other tool work)")
            .Replace("To trust it, run", "Only the user can trust it: they run", StringComparison.Ordinal);

    private const string Instructions =
        "Kiro-style spec-driven development. A spec goes requirements → design → tasks (design-first: design → requirements → tasks; bugfix: bugfix → design → tasks), " +
        "and each document must be approved by the user (spec_approve) before the next can be written. Start with spec_create, follow the nextStep of every result, " +
        "and run spec_validate before asking for approval. The prompt 'spec_workflow' explains the whole flow. " +
        "Before changing files, call steering_context with their paths for the project's rules.";
}
