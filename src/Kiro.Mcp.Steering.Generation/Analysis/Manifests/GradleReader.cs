using System.Text.RegularExpressions;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>
/// build.gradle(.kts): string-notation dependencies ("group:name:version") by configuration, and plugins.
/// A Gradle script is code; what is not written as a literal is not guessed.
/// </summary>
public sealed partial class GradleReader : IManifestReader
{
    public bool Reads(string relativePath) => RepositoryFiles.FileName(relativePath) is "build.gradle" or "build.gradle.kts";

    public EcosystemFacts? Read(string relativePath, string text, RepositoryFiles files)
    {
        var dependencies = new List<Dependency>();
        var dev = new List<Dependency>();
        foreach (Match match in DependencyPattern().Matches(text))
        {
            var parts = match.Groups["coordinates"].Value.Split(':');
            var dependency = new Dependency($"{parts[0]}:{parts[1]}", parts.Length > 2 ? parts[2] : null);
            (match.Groups["configuration"].Value.StartsWith("test", StringComparison.Ordinal) ? dev : dependencies).Add(dependency);
        }
        var plugins = PluginPattern().Matches(text).Select(m => m.Groups["id"].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        var facts = new List<KeyValuePair<string, string>>();
        if (plugins.Count > 0)
        {
            facts.Add(ManifestText.Fact("Plugins", string.Join(", ", plugins)));
        }
        var wrapper = files.Contains(ManifestText.Sibling(relativePath, "gradlew")) ? "./gradlew" : "gradle";
        var cd = ManifestText.CdPrefix(relativePath);
        return new EcosystemFacts("Java/Kotlin (Gradle)", relativePath, null, facts, ManifestText.Sorted(dependencies), ManifestText.Sorted(dev),
        [
            new CommandFact($"Gradle ({relativePath})", cd + $"{wrapper} build", null),
            new CommandFact($"Gradle ({relativePath})", cd + $"{wrapper} test", null),
        ]);
    }

    [GeneratedRegex(@"(?<configuration>implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|annotationProcessor|kapt|ksp)\s*\(?\s*[""'](?<coordinates>[^""':\s]+:[^""':\s]+(:[^""'\s]+)?)[""']")]
    private static partial Regex DependencyPattern();

    [GeneratedRegex(@"id\s*\(?\s*[""'](?<id>[A-Za-z0-9_.\-]+)[""']")]
    private static partial Regex PluginPattern();
}
