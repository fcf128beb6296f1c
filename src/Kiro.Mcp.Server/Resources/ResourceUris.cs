namespace Kiro.Mcp.Server.Resources;

/// <summary>
/// The kiro:// resource addresses, and which of them a changed workspace file affects. Every address names
/// its workspace first (<c>kiro://WORKSPACE/specs/…</c>), so one server can serve many repositories and a
/// subscription can never be confused with another workspace's.
/// </summary>
public static class ResourceUris
{
    public const string Scheme = "kiro://";

    public static string Specs(string workspace) => $"{Scheme}{workspace}/specs";

    public static string Document(string workspace, string spec, string document) => $"{Specs(workspace)}/{spec}/{document}";

    public static string Status(string workspace, string spec) => $"{Specs(workspace)}/{spec}/status";

    /// <summary>The address an export is labelled with inside spec_export's result (not a readable resource).</summary>
    public static string Export(string workspace, string spec, string format) => $"{Specs(workspace)}/{spec}/export/{format}";

    /// <summary>A steering document; the '/' of an AGENTS.md path is escaped so the name stays one segment.</summary>
    public static string Steering(string workspace, string name) => $"{Scheme}{workspace}/steering/{Uri.EscapeDataString(name)}";

    public static string Hooks(string workspace) => $"{Scheme}{workspace}/hooks";

    public static string PendingHooks(string workspace) => $"{Scheme}{workspace}/hooks/pending";

    /// <summary>The workspace a kiro:// address names, or null for any other address.</summary>
    public static string? WorkspaceOf(string uri)
    {
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }
        var end = uri.IndexOf('/', Scheme.Length);
        return end > Scheme.Length ? uri[Scheme.Length..end] : null;
    }

    /// <summary>
    /// True when a change to <paramref name="path"/> (relative to the address's workspace) may change what
    /// <paramref name="uri"/> returns. Folder-level paths (a rescan, a spec folder added or removed)
    /// affect everything beneath them.
    /// </summary>
    public static bool IsAffected(string uri, string path)
    {
        if (WorkspaceOf(uri) is not { } workspace)
        {
            return false;
        }
        var local = uri[(Scheme.Length + workspace.Length + 1)..];
        if (local.StartsWith("steering/", StringComparison.Ordinal))
        {
            return IsSteeringAffected(Uri.UnescapeDataString(local["steering/".Length..]), path);
        }
        var parts = path.Split('/');
        if (parts.Length < 3 || parts[0] != ".kiro" || parts[1] != "specs")
        {
            return parts.Length <= 2 && ".kiro/specs".StartsWith(path, StringComparison.Ordinal) && local.StartsWith("specs", StringComparison.Ordinal);
        }
        var spec = parts[2];
        if (local == "specs")
        {
            return true;
        }
        if (!local.StartsWith($"specs/{spec}/", StringComparison.Ordinal))
        {
            return false;
        }
        if (parts.Length == 3 || local == $"specs/{spec}/status")
        {
            return true;
        }
        var file = parts[^1];
        return file.EndsWith(".md", StringComparison.Ordinal) && local == $"specs/{spec}/{file[..^3]}";
    }

    /// <summary>
    /// A steering document changes with its file in .kiro/steering (or a rescan of the folder); an
    /// AGENTS.md document, named by its workspace path, with that file. Global files are not watched.
    /// </summary>
    private static bool IsSteeringAffected(string name, string path)
    {
        const string folder = ".kiro/steering";
        if (path is "." or ".kiro" or folder)
        {
            return true;
        }
        if (IsAgentsFile(path))
        {
            return name == path;
        }
        if (!path.StartsWith(folder + "/", StringComparison.Ordinal) || path.IndexOf('/', folder.Length + 1) >= 0 || !path.EndsWith(".md", StringComparison.Ordinal))
        {
            return false;
        }
        if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }
        // Names compare as in SteeringService: "Tech" and "tech" are one document.
        return string.Equals(path[(folder.Length + 1)..^3], name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True for an AGENTS.md in a sub-folder (kiro://W/steering/src%2Fapi%2FAGENTS.md): hearing about it needs the
    /// watch on the whole tree, which a workspace without file hooks does not otherwise keep.
    /// </summary>
    public static bool NeedsWholeTree(string uri) =>
        WorkspaceOf(uri) is { } workspace
        && uri[(Scheme.Length + workspace.Length + 1)..] is var local
        && local.StartsWith("steering/", StringComparison.Ordinal)
        && Uri.UnescapeDataString(local["steering/".Length..]).Contains('/', StringComparison.Ordinal);

    /// <summary>An AGENTS.md file anywhere in the workspace (steering that applies to the folder it is in).</summary>
    public static bool IsAgentsFile(string path) => path == "AGENTS.md" || path.EndsWith("/AGENTS.md", StringComparison.Ordinal);
}
