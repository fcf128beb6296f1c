using System.Xml;
using System.Xml.Linq;
using Kiro.Mcp.Steering.Generation.Analysis.Manifests;
using Kiro.Mcp.Workspace;

namespace Kiro.Mcp.Steering.Generation.Analysis.DotNet;

/// <summary>
/// Reads project files as XML, without MSBuild: properties (last one wins, conditions ignored) from the
/// Directory.Build.props files above the project and the project itself, package versions from the
/// nearest Directory.Packages.props. Good enough to describe a project; not an MSBuild evaluation.
/// </summary>
internal sealed class ProjectFileReader(string root, RepositoryFiles files)
{
    private readonly Dictionary<string, XElement?> _documents = new(StringComparer.Ordinal);

    public ProjectFile Read(string relativePath)
    {
        var chain = Ancestors(relativePath, "Directory.Build.props").Reverse().Append(relativePath).ToList();
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var packages = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var references = new List<string>();
        var sdk = "";
        foreach (var file in chain)
        {
            var xml = Load(file);
            if (xml is null)
            {
                continue;
            }
            if (file == relativePath)
            {
                sdk = (string?)xml.Attribute("Sdk") ?? xml.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value ?? "";
            }
            foreach (var property in xml.Elements().Where(e => e.Name.LocalName == "PropertyGroup").SelectMany(g => g.Elements()))
            {
                properties[property.Name.LocalName] = property.Value.Trim();
            }
            foreach (var item in xml.Elements().Where(e => e.Name.LocalName == "ItemGroup").SelectMany(g => g.Elements()))
            {
                // A project can take back what a Directory.Build.props above it added (a server among test projects).
                if (item.Name.LocalName == "PackageReference" && (string?)item.Attribute("Remove") is { } removed)
                {
                    packages.Remove(removed);
                    continue;
                }
                var include = (string?)item.Attribute("Include");
                if (include is null)
                {
                    continue;
                }
                if (item.Name.LocalName == "PackageReference")
                {
                    packages[include] = (string?)item.Attribute("Version") ?? (string?)item.Attribute("VersionOverride")
                        ?? item.Elements().FirstOrDefault(e => e.Name.LocalName == "Version")?.Value;
                }
                else if (item.Name.LocalName == "ProjectReference" && file == relativePath)
                {
                    references.Add(Normalize(RepositoryFiles.Folder(relativePath), include));
                }
            }
        }
        var central = CentralVersions(relativePath);
        var frameworks = (Resolve(properties.GetValueOrDefault("TargetFrameworks"), properties) ?? Resolve(properties.GetValueOrDefault("TargetFramework"), properties) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        var outputType = properties.GetValueOrDefault("OutputType")?.ToUpperInvariant() switch
        {
            "EXE" => "exe",
            "WINEXE" => "winexe",
            _ when sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) || sdk.StartsWith("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase) => "exe",
            _ => "library",
        };
        var name = System.IO.Path.GetFileNameWithoutExtension(relativePath);
        return new ProjectFile(
            relativePath,
            name,
            Language(relativePath),
            sdk,
            frameworks,
            outputType,
            string.Equals(properties.GetValueOrDefault("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase),
            ManifestText.Sorted(packages.Select(p => new Dependency(p.Key, Resolve(p.Value, properties) ?? central.GetValueOrDefault(p.Key)))),
            references.Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Whether any Directory.Packages.props manages versions centrally.</summary>
    public bool UsesCentralPackages(string relativePath) => Ancestors(relativePath, "Directory.Packages.props").Any();

    private Dictionary<string, string> CentralVersions(string relativePath)
    {
        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var nearest = Ancestors(relativePath, "Directory.Packages.props").FirstOrDefault();
        if (nearest is not null && Load(nearest) is { } xml)
        {
            foreach (var item in xml.Descendants().Where(e => e.Name.LocalName == "PackageVersion"))
            {
                if ((string?)item.Attribute("Include") is { } id && (string?)item.Attribute("Version") is { } version)
                {
                    versions[id] = version;
                }
            }
        }
        return versions;
    }

    /// <summary>Files called <paramref name="name"/> in the project's folder and above, nearest first.</summary>
    private IEnumerable<string> Ancestors(string relativePath, string name)
    {
        var folder = RepositoryFiles.Folder(relativePath);
        while (true)
        {
            var candidate = folder.Length == 0 ? name : folder + "/" + name;
            if (files.Contains(candidate))
            {
                yield return candidate;
            }
            if (folder.Length == 0)
            {
                yield break;
            }
            folder = RepositoryFiles.Folder(folder);
        }
    }

    private XElement? Load(string relativePath)
    {
        if (!_documents.TryGetValue(relativePath, out var xml))
        {
            try
            {
                // Opened by what is there now, never through a link out (the scan saw the tree a moment ago).
                using var stream = new WorkspaceRoot(root).OpenRead(relativePath);
                xml = stream is null ? null : XDocument.Load(stream).Root;
            }
            catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException or KiroException)
            {
                xml = null;
            }
            _documents[relativePath] = xml;
        }
        return xml;
    }

    /// <summary>Replaces $(Name) with a property defined above; null when the value cannot be resolved.</summary>
    private static string? Resolve(string? value, Dictionary<string, string> properties)
    {
        for (var i = 0; value is not null && value.Contains("$(", StringComparison.Ordinal) && i < 5; i++)
        {
            var start = value.IndexOf("$(", StringComparison.Ordinal);
            var end = value.IndexOf(')', start);
            if (end < 0)
            {
                return null;
            }
            var name = value[(start + 2)..end];
            if (!properties.TryGetValue(name, out var replacement))
            {
                return null;
            }
            value = value[..start] + replacement + value[(end + 1)..];
        }
        return value is not null && value.Contains("$(", StringComparison.Ordinal) ? null : value;
    }

    internal static string Normalize(string folder, string include)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in include.Replace('\\', '/').Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }
        return string.Join('/', parts);
    }

    private static string Language(string path) => System.IO.Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".FSPROJ" => "F#",
        ".VBPROJ" => "Visual Basic",
        _ => "C#",
    };
}
