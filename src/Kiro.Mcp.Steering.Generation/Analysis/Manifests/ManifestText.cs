namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Small helpers the readers share.</summary>
internal static class ManifestText
{
    public static string Folder(string relativePath) => RepositoryFiles.Folder(relativePath);

    /// <summary>"cd web &amp;&amp; " when the manifest is not at the root, so a command can be pasted as is.</summary>
    public static string CdPrefix(string relativePath)
    {
        var folder = Folder(relativePath);
        return folder.Length == 0 ? "" : $"cd {folder} && ";
    }

    public static string Sibling(string relativePath, string name)
    {
        var folder = Folder(relativePath);
        return folder.Length == 0 ? name : folder + "/" + name;
    }

    public static List<Dependency> Sorted(IEnumerable<Dependency> dependencies) =>
        dependencies
            .DistinctBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();

    public static KeyValuePair<string, string> Fact(string key, string value) => new(key, value);
}
