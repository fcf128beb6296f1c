namespace Kiro.Mcp.Server.Workspaces;

/// <summary>
/// The services a request for one workspace sees: that workspace's own (its files, specs, hooks, caches),
/// then the request's (the MCP session, the server-wide registries). A type the workspace has is never
/// taken from elsewhere, so nothing of one workspace can be reached through a request for another.
/// </summary>
internal sealed class WorkspaceServices(IServiceProvider workspace, IServiceProvider? request) : IServiceProvider, IServiceProviderIsService
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(IServiceProvider) || serviceType == typeof(IServiceProviderIsService)
            ? this
            : workspace.GetService(serviceType) ?? request?.GetService(serviceType);

    public bool IsService(Type serviceType) =>
        (workspace.GetService<IServiceProviderIsService>()?.IsService(serviceType) ?? false)
        || (request?.GetService<IServiceProviderIsService>()?.IsService(serviceType) ?? false);
}
