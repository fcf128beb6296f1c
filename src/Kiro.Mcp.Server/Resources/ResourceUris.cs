namespace Kiro.Mcp.Server.Resources;

/// <summary>The kiro:// resource addresses, and which of them a changed workspace file affects.</summary>
public static class ResourceUris
{
    public const string Specs = "kiro://specs";
    public const string SpecPrefix = "kiro://specs/";
    public const string SteeringPrefix = "kiro://steering/";

    public static string Document(string spec, string document) => $"{SpecPrefix}{spec}/{document}";

    public static string Status(string spec) => $"{SpecPrefix}{spec}/status";

    /// <summary>The address an export is labelled with inside spec_export's result (not a readable resource).</summary>
    public static string Export(string spec, string format) => $"{SpecPrefix}{spec}/export/{format}";

    /// <summary>A steering document; the '/' of an AGENTS.md path is escaped so the name stays one segment.</summary>
    public static string Steering(string name) => SteeringPrefix + Uri.EscapeDataString(name);

    /// <summary>
    /// True when a change to <paramref name="path"/> (workspace-relative) may change what
    /// <paramref name="uri"/> returns. Folder-level paths (a rescan, a spec folder added or removed)
    /// affect everything beneath them.
    /// </summary>
    public static bool IsAffected(string uri, string path)
    {
        if (uri.StartsWith(SteeringPrefix, StringComparison.Ordinal))
        {
            return IsSteeringAffected(uri, path);
        }
        var parts = path.Split('/');
        if (parts.Length < 3 || parts[0] != ".kiro" || parts[1] != "specs")
        {
            return parts.Length <= 2 && ".kiro/specs".StartsWith(path, StringComparison.Ordinal);
        }
        var spec = parts[2];
        if (uri == Specs)
        {
            return true;
        }
        if (!uri.StartsWith(SpecPrefix + spec + "/", StringComparison.Ordinal))
        {
            return false;
        }
        if (parts.Length == 3 || uri == Status(spec))
        {
            return true;
        }
        var file = parts[^1];
        return file.EndsWith(".md", StringComparison.Ordinal) && uri == Document(spec, file[..^3]);
    }

    /// <summary>
    /// A steering document changes with its file in .kiro/steering (or a rescan of the folder); an
    /// AGENTS.md document, named by its workspace path, with that file. Global files are not watched.
    /// </summary>
    private static bool IsSteeringAffected(string uri, string path)
    {
        const string folder = ".kiro/steering";
        if (path is ".kiro" or folder)
        {
            return true;
        }
        if (IsAgentsFile(path))
        {
            return Uri.UnescapeDataString(uri[SteeringPrefix.Length..]) == path;
        }
        if (!path.StartsWith(folder + "/", StringComparison.Ordinal) || path.IndexOf('/', folder.Length + 1) >= 0 || !path.EndsWith(".md", StringComparison.Ordinal))
        {
            return false;
        }
        var name = Uri.UnescapeDataString(uri[SteeringPrefix.Length..]);
        if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }
        // Names compare as in SteeringService: "Tech" and "tech" are one document.
        return string.Equals(path[(folder.Length + 1)..^3], name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An AGENTS.md file anywhere in the workspace (steering that applies to the folder it is in).</summary>
    public static bool IsAgentsFile(string path) => path == "AGENTS.md" || path.EndsWith("/AGENTS.md", StringComparison.Ordinal);
}
