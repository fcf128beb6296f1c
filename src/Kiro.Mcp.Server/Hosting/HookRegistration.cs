using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Hooks.Execution;
using Kiro.Mcp.Hooks.Service;
using Kiro.Mcp.Hooks.Triggers;
using Kiro.Mcp.Server.Resources;
using Kiro.Mcp.Server.Tools;
using Kiro.Mcp.Specs.Lifecycle;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Hosting;

/// <summary>The hooks' part of the wiring: the domain services, the spec lifecycle they listen to, and the file watcher that fires them.</summary>
public static class HookRegistration
{
    public static IServiceCollection AddKiroHooks(this IServiceCollection services, ServerSettings? settings)
    {
        services.AddSingleton(sp => new HookSettings
        {
            CommandHooks = settings?.NoCommandHooks != true,
            Trust = sp.GetRequiredService<WorkspaceTrust>(),
            WatchProblem = () => sp.GetRequiredService<WorkspaceWatcher>().DegradedReason,
        });
        // With any authentication (static tokens or an issuer), hooks are for authenticated users only.
        services.AddSingleton(new HookAccess(settings is { Tokens.Count: > 0 } or { Team.Auth: not null }, settings?.Stateless == true));
        services.AddSingleton<HookCatalog>();
        services.AddSingleton<HookMatcher>();
        services.AddSingleton<PendingPrompts>();
        services.AddSingleton<WriterLog>();
        services.AddSingleton<HookHistory>();
        services.AddSingleton<HookRunner>();
        services.AddSingleton<HookService>();
        services.AddSingleton<ISpecLifecycle, HookLifecycle>();
        services.AddHostedService<HookWatcher>();
        return services;
    }
}
