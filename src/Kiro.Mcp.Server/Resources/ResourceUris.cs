namespace Kiro.Mcp.Server.Resources;

/// <summary>The kiro:// resource addresses, and which of them a changed workspace file affects.</summary>
public static class ResourceUris
{
    public const string Specs = "kiro://specs";
    public const string SpecPrefix = "kiro://specs/";

    public static string Document(string spec, string document) => $"{SpecPrefix}{spec}/{document}";

    public static string Status(string spec) => $"{SpecPrefix}{spec}/status";

    /// <summary>
    /// True when a change to <paramref name="path"/> (workspace-relative) may change what
    /// <paramref name="uri"/> returns. Folder-level paths (a rescan, a spec folder added or removed)
    /// affect everything beneath them.
    /// </summary>
    public static bool IsAffected(string uri, string path)
    {
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
}
