using Kiro.Mcp.Specs.Service;
using Kiro.Mcp.Workspace;
using Kiro.Mcp.Server.Workspaces;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Listens to one workspace's watcher for changes under .kiro made by anyone (this server, another
/// client, an editor, git) and tells that workspace's subscribers: <c>resources/updated</c> for the
/// resources a change affects, and <c>resources/list_changed</c> to the sessions that used the workspace
/// when specs appear or go.
/// </summary>
public sealed partial class WorkspaceChangeNotifier(
    WorkspaceWatcher watcher,
    SpecIndex index,
    SpecService specs,
    SubscriptionRegistry registry,
    ServedWorkspace workspace,
    ILogger<WorkspaceChangeNotifier> logger) : IHostedService, IDisposable
{
    // Notifications go out one batch at a time, in the order the changes were seen.
    private readonly SemaphoreSlim _sending = new(1, 1);
    private IReadOnlyList<string> _names = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _names = SpecNames();
        watcher.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        watcher.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    public void Dispose() => _sending.Dispose();

    private void OnChanged(IReadOnlyList<string> paths)
    {
        // Resources live in .kiro and in AGENTS.md files; "." is the watcher's "events were lost, rescan everything".
        var kiro = paths.Select(p => p == "." ? ".kiro" : p)
            .Where(p => p == ".kiro" || p.StartsWith(".kiro/", StringComparison.Ordinal) || ResourceUris.IsAgentsFile(p)).ToList();
        if (kiro.Count > 0)
        {
            _ = OnChangedAsync(kiro);
        }
    }

    private async Task OnChangedAsync(List<string> paths)
    {
        await _sending.WaitAsync();
        try
        {
            index.Forget(paths);
            var names = SpecNames();
            var listChanged = !names.SequenceEqual(_names);
            _names = names;
            LogChange(logger, paths.Count, listChanged);

            await registry.UpdatedAsync(workspace.Name, uri => paths.Any(p => ResourceUris.IsAffected(uri, p)));
            if (listChanged)
            {
                await registry.ListChangedAsync(workspace.Name);
            }
        }
        catch (Exception e)
        {
            // A failed notification must never take the watcher (or the server) down.
            LogFailure(logger, e);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>The spec names, or none while .kiro cannot be read (e.g. it is a link: WorkspaceProblemLog reports that).</summary>
    private IReadOnlyList<string> SpecNames()
    {
        try
        {
            return specs.Names();
        }
        catch (KiroException)
        {
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Workspace changed: {Count} path(s), spec list changed: {ListChanged}")]
    private static partial void LogChange(ILogger logger, int count, bool listChanged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send change notifications")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
