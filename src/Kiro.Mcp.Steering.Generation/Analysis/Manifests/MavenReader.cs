using System.Xml;
using System.Xml.Linq;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>pom.xml: coordinates, Java version, dependencies (test scope counts as development), modules.</summary>
public sealed class MavenReader : IManifestReader
{
    public bool Reads(string relativePath) => RepositoryFiles.FileName(relativePath) == "pom.xml";

    public EcosystemFacts? Read(string relativePath, string text, RepositoryFiles files)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(text).Root!;
        }
        catch (XmlException)
        {
            return null;
        }
        string? Child(XElement? element, string name) => element?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        var facts = new List<KeyValuePair<string, string>>();
        var properties = root.Elements().FirstOrDefault(e => e.Name.LocalName == "properties");
        var java = Child(properties, "java.version") ?? Child(properties, "maven.compiler.release") ?? Child(properties, "maven.compiler.source");
        if (java is not null)
        {
            facts.Add(ManifestText.Fact("Java", java));
        }
        var parent = root.Elements().FirstOrDefault(e => e.Name.LocalName == "parent");
        if (parent is not null)
        {
            facts.Add(ManifestText.Fact("Parent", $"{Child(parent, "groupId")}:{Child(parent, "artifactId")} {Child(parent, "version")}".Trim()));
        }
        var modules = root.Descendants().Where(e => e.Name.LocalName == "module").Select(e => e.Value.Trim()).ToList();
        if (modules.Count > 0)
        {
            facts.Add(ManifestText.Fact("Modules", string.Join(", ", modules)));
        }
        var dependencies = root.Elements().Where(e => e.Name.LocalName == "dependencies")
            .SelectMany(d => d.Elements().Where(e => e.Name.LocalName == "dependency"))
            .Select(d => (Dependency: new Dependency($"{Child(d, "groupId")}:{Child(d, "artifactId")}", Child(d, "version")), Test: Child(d, "scope") == "test"))
            .ToList();
        var wrapper = files.Contains(ManifestText.Sibling(relativePath, "mvnw")) ? "./mvnw" : "mvn";
        var cd = ManifestText.CdPrefix(relativePath);
        return new EcosystemFacts("Java (Maven)", relativePath, $"{Child(root, "groupId") ?? Child(parent, "groupId")}:{Child(root, "artifactId")}", facts,
            ManifestText.Sorted(dependencies.Where(d => !d.Test).Select(d => d.Dependency)),
            ManifestText.Sorted(dependencies.Where(d => d.Test).Select(d => d.Dependency)),
        [
            new CommandFact($"Maven ({relativePath})", cd + $"{wrapper} package", null),
            new CommandFact($"Maven ({relativePath})", cd + $"{wrapper} test", null),
        ]);
    }
}
