using Kiro.Mcp.Server.Workspaces;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// resources/list: each registered workspace's spec list and hooks (the addresses a client can subscribe
/// to without knowing any name yet), from the catalog alone, so listing loads no workspace. Documents,
/// statuses and steering are templates (resources/templates/list).
/// </summary>
public static class WorkspaceResourceList
{
    public static ValueTask<ListResourcesResult> HandleAsync(RequestContext<ListResourcesRequestParams> context, CancellationToken cancellationToken)
    {
        var pinned = WorkspaceSelector.Pinned(context);
        var entries = context.Services!.GetRequiredService<WorkspaceCatalog>().Entries.Where(e => pinned is null || e.Name == pinned);
        var resources = new List<Resource>();
        foreach (var entry in entries)
        {
            resources.Add(new Resource { Uri = ResourceUris.Specs(entry.Name), Name = $"specs ({entry.Name})", Title = $"Specs of {entry.Name}", MimeType = "application/json", Description = "Every spec with its phase, approvals and task progress." });
            resources.Add(new Resource { Uri = ResourceUris.Hooks(entry.Name), Name = $"hooks ({entry.Name})", Title = $"Hooks of {entry.Name}", MimeType = "application/json", Description = "Every hook of the workspace and the user, with findings about the hook files." });
            resources.Add(new Resource { Uri = ResourceUris.PendingHooks(entry.Name), Name = $"hooks_pending ({entry.Name})", Title = $"Pending hook prompts of {entry.Name}", MimeType = "application/json", Description = "Agent hook prompts waiting for this session; subscribe to hear when one arrives." });
        }
        return ValueTask.FromResult(new ListResourcesResult { Resources = resources });
    }
}
