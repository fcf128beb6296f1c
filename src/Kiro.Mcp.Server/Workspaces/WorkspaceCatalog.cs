using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Server.Workspaces;

/// <summary>
/// The workspaces this process may serve, by name: each <c>--workspace [NAME=]PATH</c>, and every repository
/// (a folder with <c>.git</c> or <c>.kiro</c>) directly under each <c>--workspaces DIR</c>. The folders are
/// re-listed when a name is not found or the list is asked for (at most once a second), so a repository
/// cloned into DIR is served without a restart. Knowing a workspace costs nothing; loading one is
/// <see cref="WorkspacePool"/>'s business.
/// </summary>
public sealed class WorkspaceCatalog
{
    private static readonly TimeSpan RescanInterval = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<WorkspaceEntry> _given;
    private readonly IReadOnlyList<string> _folders;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private IReadOnlyList<WorkspaceEntry> _all;
    private long _scannedAt;

    public WorkspaceCatalog(IReadOnlyList<WorkspaceEntry> given, IReadOnlyList<string>? folders = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(given);
        _given = given;
        _folders = folders ?? [];
        _time = time ?? TimeProvider.System;
        _all = Scan();
        _scannedAt = _time.GetTimestamp();
    }

    /// <summary>Raised after a rescan found workspaces added or gone (resources/list changes with them).</summary>
    public event Action? Changed;

    /// <summary>
    /// The workspace a call without a <c>workspace</c> argument means: the first one given with
    /// <c>--workspace</c>, or the only one there is. Null when the caller must choose.
    /// </summary>
    public string? Default => _given.Count > 0 ? _given[0].Name : Entries is [var only] ? only.Name : null;

    /// <summary>Every registered workspace, sorted by name, rescanning the folders if they were last listed over a second ago.</summary>
    public IReadOnlyList<WorkspaceEntry> Entries
    {
        get
        {
            RescanIfDue();
            return _all;
        }
    }

    public WorkspaceEntry? Find(string name)
    {
        if (_all.FirstOrDefault(e => e.Name == name) is { } known)
        {
            return known;
        }
        RescanIfDue();
        return _all.FirstOrDefault(e => e.Name == name);
    }

    /// <summary>The named workspace, or the default when <paramref name="name"/> is null; refused with the names that exist.</summary>
    public WorkspaceEntry Resolve(string? name)
    {
        if (name is null)
        {
            return Default is { } fallback ? Find(fallback)! : throw new KiroException("workspace_required",
                $"This server serves several workspaces: pass 'workspace' with one of {Listed()}. workspace_list shows them with their specs.");
        }
        if (!WorkspaceName.IsValid(name))
        {
            throw new KiroException("unknown_workspace", $"{WorkspaceName.Problem(name)} Registered workspaces: {Listed()}.");
        }
        return Find(name) ?? throw new KiroException("unknown_workspace", $"No workspace is named '{name}'. Registered workspaces: {Listed()}.");
    }

    /// <summary>The registered names for a message, at most 50 of them.</summary>
    public string Listed()
    {
        var names = Entries.Select(e => e.Name).ToList();
        return names.Count == 0 ? "(none)" : string.Join(", ", names.Take(50)) + (names.Count > 50 ? $" and {names.Count - 50} more" : "");
    }

    private void RescanIfDue()
    {
        if (_folders.Count == 0)
        {
            return;
        }
        bool changed;
        lock (_gate)
        {
            if (_time.GetElapsedTime(_scannedAt) < RescanInterval)
            {
                return;
            }
            var all = Scan();
            changed = !all.SequenceEqual(_all);
            _all = all;
            _scannedAt = _time.GetTimestamp();
        }
        if (changed)
        {
            Changed?.Invoke();
        }
    }

    private List<WorkspaceEntry> Scan()
    {
        var entries = new Dictionary<string, WorkspaceEntry>(StringComparer.Ordinal);
        foreach (var entry in _given)
        {
            entries.TryAdd(entry.Name, entry);
        }
        foreach (var folder in _folders)
        {
            foreach (var repository in Repositories(folder))
            {
                // A name given on the command line wins; of two folders with one name, the first in ordinal order.
                var name = WorkspaceName.FromFolder(Path.GetFileName(repository));
                entries.TryAdd(name, new WorkspaceEntry(name, repository));
            }
        }
        return [.. entries.Values.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The folders directly under <paramref name="folder"/> with a .git (a folder, or a worktree's file) or a .kiro.
    /// Links are not followed: a link in DIR could point anywhere, so such a repository is registered with --workspace.
    /// </summary>
    private static IEnumerable<string> Repositories(string folder)
    {
        IEnumerable<DirectoryInfo> children;
        try
        {
            children = new DirectoryInfo(folder).EnumerateDirectories("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint })
                .OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        }
        catch (IOException)
        {
            yield break;
        }
        foreach (var child in children)
        {
            if (Path.Exists(Path.Combine(child.FullName, ".git")) || Directory.Exists(Path.Combine(child.FullName, ".kiro")))
            {
                yield return child.FullName;
            }
        }
    }
}
