using Kiro.Mcp.Hooks.Definitions;
using Kiro.Mcp.Hooks.Execution;
using Kiro.Mcp.Hooks.Service;
using Kiro.Mcp.Workspace;
using Kiro.Mcp.Server.Workspaces;

namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// Listens to the workspace watcher (the whole workspace but what its .gitignore rules exclude, .git and
/// .kiro/.runtime) and fires the file hooks for what editors, tools and this server write; tells subscribers of the hook resources
/// when hook files change or a prompt arrives or is handed out.
/// </summary>
public sealed partial class HookWatcher(WorkspaceWatcher watcher, HookService hooks, HookCatalog catalog, SubscriptionRegistry registry, ServedWorkspace workspace, ILogger<HookWatcher> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the watcher starts (WatcherHost comes later): a workspace without file hooks never walks its whole tree.
        await ScopeAsync(cancellationToken);
        watcher.FilesChanged += OnFilesChanged;
        watcher.Changed += OnChanged;
        hooks.Pending.Changed += OnPendingChanged;
        hooks.Pending.Dropped += OnPromptDropped;
        hooks.FileHookCreated += OnFileHookCreated;
        registry.WholeTreeWanted += OnWholeTreeWanted;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        watcher.FilesChanged -= OnFilesChanged;
        watcher.Changed -= OnChanged;
        hooks.Pending.Changed -= OnPendingChanged;
        hooks.Pending.Dropped -= OnPromptDropped;
        hooks.FileHookCreated -= OnFileHookCreated;
        registry.WholeTreeWanted -= OnWholeTreeWanted;
        return Task.CompletedTask;
    }

    private void OnFilesChanged(IReadOnlyList<WorkspaceChange> changes) => _ = OnFilesChangedAsync(changes);

    private void OnFileHookCreated() => watcher.WatchWholeWorkspace(true);

    private void OnWholeTreeWanted(string name)
    {
        if (name == workspace.Name)
        {
            watcher.WatchWholeWorkspace(true);
        }
    }

    private void OnPromptDropped(PendingPrompt prompt) => LogDropped(logger, prompt.Hook, prompt.Event);

    private void OnPendingChanged() => _ = NotifyAsync(ResourceUris.PendingHooks(workspace.Name));

    private void OnChanged(IReadOnlyList<string> paths)
    {
        if (paths.Any(p => p.StartsWith(HookCatalog.WorkspaceFolder + "/", StringComparison.Ordinal) || p is "." or ".kiro" or HookCatalog.WorkspaceFolder))
        {
            _ = NotifyAsync(ResourceUris.Hooks(workspace.Name));
            _ = ScopeAsync(CancellationToken.None);
        }
    }

    private async Task OnFilesChangedAsync(IReadOnlyList<WorkspaceChange> changes)
    {
        try
        {
            LogChanges(logger, changes.Count);
            await hooks.OnFilesChangedAsync(changes, CancellationToken.None);
        }
        catch (Exception e)
        {
            // A broken hook file or a failed run must never take the watcher down.
            LogFailure(logger, e);
        }
    }

    /// <summary>
    /// Watches the whole workspace only while a file hook (save, create, delete) exists, in the workspace or
    /// the user's ~/.kiro, or someone subscribed to an AGENTS.md in a sub-folder: nothing else needs changes
    /// outside the root and .kiro, and a hundred repositories of thousands of folders each would otherwise
    /// spend the user's inotify watches for nothing.
    /// </summary>
    private async Task ScopeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var set = await catalog.LoadAsync(cancellationToken);
            watcher.WatchWholeWorkspace(set.Hooks.Any(h => h.Enabled && HookTriggers.IsFileTrigger(h.Trigger)) || registry.WantsWholeTree(workspace.Name));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Unreadable hooks: watch everything rather than miss a hook's file.
            watcher.WatchWholeWorkspace(true);
            LogFailure(logger, e);
        }
    }

    // Send failures are handled (and the subscriber dropped) by the registry.
    private Task NotifyAsync(string uri) => registry.UpdatedAsync(workspace.Name, subscribed => subscribed == uri);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hook triggers: {Count} file change(s)")]
    private static partial void LogChanges(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hook prompt of '{Hook}' ({Event}) dropped unread: too many prompts were waiting for its session")]
    private static partial void LogDropped(ILogger logger, string hook, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fire file hooks")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
