using Microsoft.Extensions.DependencyInjection.Extensions;
using Kiro.Mcp.Server.Apps;
using Kiro.Mcp.Server.Audit;
using Kiro.Mcp.Server.Prompts;
using Kiro.Mcp.Server.Protocol;
using Kiro.Mcp.Server.Resources;
using Kiro.Mcp.Server.Tools;
using Kiro.Mcp.Specs.Execution;
using Kiro.Mcp.Specs.Impact;
using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Steering.References;
using Kiro.Mcp.Steering.Service;
using Kiro.Mcp.Steering.Generation.Analysis.DotNet.Remote;
using Kiro.Mcp.Steering.Generation.Analysis.DotNet;
using Kiro.Mcp.Steering.Generation.Service;
using Kiro.Mcp.Server.Workspaces;
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

    /// <summary>
    /// The server-wide services: which workspaces exist (<see cref="WorkspaceCatalog"/>), the loaded ones
    /// (<see cref="WorkspacePool"/>), how a request picks one, and what all of them share.
    /// </summary>
    public static IServiceCollection AddKiroWorkspaces(this IServiceCollection services, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.TryAddSingleton(UserKiroFolder.FromEnvironment());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TrustList>();
        services.AddSingleton<SubscriptionRegistry>();
        services.AddSingleton<ShownReviews>();
        services.AddSingleton<AuditLogs>();
        // Every workspace's watcher draws on one budget: half of the user's inotify watches, the rest left to editors.
        services.AddSingleton(_ => WatchBudget.ShareOfUserLimit());
        services.AddSingleton(sp => new WorkspaceCatalog(settings.Workspaces, settings.WorkspaceFolders, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new WorkspacePool(
            sp.GetRequiredService<WorkspaceCatalog>(), sp, settings, sp.GetRequiredService<SubscriptionRegistry>(), sp.GetRequiredService<ILogger<WorkspacePool>>()));
        services.AddSingleton<WorkspaceSelector>();
        services.AddHostedService<WorkspaceStartup>();
        return services;
    }

    /// <summary>
    /// One workspace's own services, in the container <see cref="WorkspaceHost"/> builds for it: its files,
    /// trust, specs, steering, hooks, watcher and the listeners that start with it.
    /// </summary>
    public static IServiceCollection AddKiroWorkspace(this IServiceCollection services, string workspace, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(new WorkspaceRoot(workspace));
        services.AddHostedService<WorkspaceProblemLog>();
        services.AddSingleton<FileStore>();
        // Trust is decided outside the repository: --trust for this process, or the user's own trust list.
        services.AddSingleton(sp => new WorkspaceTrust(sp.GetRequiredService<WorkspaceRoot>(), sp.GetRequiredService<TrustList>(), settings.Trust, settings.Command)
        {
            // A team server: a writer must not be able to run commands by writing them into tasks.md.
            SignedOffCommandsOnly = settings.Team is not null && Team.RoleResolver.Authenticates(settings),
        });
        services.AddSingleton<SpecIndex>();
        // First of the listeners: leftovers of a killed server are gone before anything reads .kiro/.
        services.AddHostedService<LeftoverCleanup>();
        services.AddSingleton<SpecService>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<GitHistory>();
        services.AddSingleton<ImpactAnalyzer>();
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<SteeringIndex>();
        services.AddSingleton<SteeringLoader>();
        services.AddSingleton<ReferenceExpander>();
        services.AddSingleton<SteeringService>();
        services.AddSingleton<ISteeringSource, TaskSteeringSource>();
        // Roslyn and MSBuild run in the separate analysis program, found (or installed) and started only when a generation needs .NET analysis.
        services.AddSingleton(sp => new SteeringGenerator(sp.GetRequiredService<FileStore>(), AnalysisReader(sp), sp.GetRequiredService<WorkspaceTrust>()));
        // One watcher for the whole workspace; its listeners subscribe as they start, then WatcherHost starts it.
        services.AddSingleton(sp => WatcherHost.Create(sp.GetRequiredService<WorkspaceRoot>(), sp.GetRequiredService<WatchBudget>()));
        services.AddHostedService<WorkspaceChangeNotifier>();
        services.AddKiroHooks(settings);
        services.AddHostedService<WatcherHost>();
        return services;
    }

    private static Func<IDotNetCodeReader> AnalysisReader(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Kiro.Mcp.Analysis");
        var locator = AnalysisProgramLocator.ForServer(Version, message => logger.LogInformation("{Message}", message));
        return () => new AnalysisProcessReader(locator, TimeSpan.FromMinutes(10));
    }

    public static IServiceCollection AddKiroMcpServer(this IServiceCollection services, Action<IMcpServerBuilder> transport, bool notifications = true)
    {
        var builder = services.AddMcpServer(options =>
        {
            options.ServerInfo = new Implementation { Name = ServerName, Title = "Kiro.Mcp", Version = Version };
            options.ServerInstructions = ServerInstructions.Workflow;
        });
        // The assistant learns at the start which workspaces there are, and whether code from them may run.
        services.AddOptions<McpServerOptions>().Configure<WorkspaceCatalog, TrustList, ServerSettings>((options, catalog, trust, settings) =>
            options.ServerInstructions = ServerInstructions.For(catalog, trust, settings, pinned: null));
        // Every workspace-bound tool takes 'workspace'; declared once here rather than by each tool.
        services.PostConfigure<McpServerOptions>(WorkspaceArgument.AddTo);
        services.PostConfigure<McpServerOptions>(ToolListTrimming.Apply);
        transport(builder);
        builder
            // Listed from the reviewed list, each built by reflection on its first call (ToolList says why).
            .WithKiroTools()
            .WithResources<SpecResources>()
            .WithResources<SteeringResources>()
            .WithResources<HookResources>()
            .WithResources<AppResources>()
            .WithListResourcesHandler(WorkspaceResourceList.HandleAsync)
            .WithPrompts<SpecPrompts>(KiroJson.Options)
            .WithPrompts<SteeringPrompts>(KiroJson.Options)
            .WithCompleteHandler(Completions.HandleAsync)
            // subscriptions/listen is the 2026-07-28 way to subscribe, and works on stateless HTTP too.
            .WithSubscriptionsListenHandler(SubscriptionHandlers.ListenAsync)
            .WithMessageFilters(filters => filters.AddIncomingFilter(InvalidParamsFilter.Incoming))
            .WithRequestFilters(filters => filters
                .AddCallToolFilter(CallCancellation.Tools).AddCallToolFilter(ToolArgumentFilter.Tools).AddCallToolFilter(ErrorFilters.Tools)
                .AddCallToolFilter(WorkspaceFilters.Tools).AddCallToolFilter(AuditFilter.Tools).AddCallToolFilter(Team.RoleFilters.Tools).AddCallToolFilter(HookNotices.Tools).AddCallToolFilter(ReviewNotices.Tools)
                .AddReadResourceFilter(ErrorFilters.Resources).AddReadResourceFilter(Team.RoleFilters.Resources).AddReadResourceFilter(WorkspaceFilters.Resources)
                // Roles: each caller lists, reads and completes only what their role in the workspace allows.
                .AddListToolsFilter(Team.RoleFilters.ListTools).AddListPromptsFilter(Team.RoleFilters.ListPrompts).AddGetPromptFilter(Team.RoleFilters.Prompts)
                .AddListResourcesFilter(Team.RoleFilters.ListResources).AddSubscribeToResourcesFilter(Team.RoleFilters.Subscriptions).AddCompleteFilter(Team.RoleFilters.Completions));
        // resources/subscribe needs a session to notify; stateless HTTP has none, so it refuses and points to subscriptions/listen.
        builder
            .WithSubscribeToResourcesHandler(notifications ? SubscriptionHandlers.SubscribeAsync : SubscriptionHandlers.RefuseStatelessAsync)
            .WithUnsubscribeFromResourcesHandler(SubscriptionHandlers.UnsubscribeAsync);
        return services;
    }

    public static string Version { get; } =
        typeof(KiroMcpRegistration).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
