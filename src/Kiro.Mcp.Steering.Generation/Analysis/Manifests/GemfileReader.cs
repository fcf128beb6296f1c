using System.Text.RegularExpressions;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Gemfile: gems with their version constraint; gems inside a development or test group count as development.</summary>
public sealed partial class GemfileReader : IManifestReader
{
    public bool Reads(string relativePath) => RepositoryFiles.FileName(relativePath) == "Gemfile";

    public EcosystemFacts? Read(string relativePath, string text, RepositoryFiles files)
    {
        var dependencies = new List<Dependency>();
        var dev = new List<Dependency>();
        var facts = new List<KeyValuePair<string, string>> { ManifestText.Fact("Package manager", "bundler") };
        var depth = 0;
        var devDepth = -1;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("ruby ", StringComparison.Ordinal))
            {
                facts.Add(ManifestText.Fact("Ruby", line[5..].Trim().Trim('\'', '"')));
            }
            else if (line.StartsWith("group ", StringComparison.Ordinal) && line.EndsWith(" do", StringComparison.Ordinal))
            {
                depth++;
                if (devDepth < 0 && (line.Contains(":development", StringComparison.Ordinal) || line.Contains(":test", StringComparison.Ordinal)))
                {
                    devDepth = depth;
                }
            }
            else if (line == "end")
            {
                if (depth == devDepth)
                {
                    devDepth = -1;
                }
                depth = Math.Max(0, depth - 1);
            }
            else if (GemPattern().Match(line) is { Success: true } gem)
            {
                var dependency = new Dependency(gem.Groups["name"].Value, gem.Groups["version"].Success ? gem.Groups["version"].Value : null);
                (devDepth >= 0 ? dev : dependencies).Add(dependency);
            }
        }
        var cd = ManifestText.CdPrefix(relativePath);
        return new EcosystemFacts("Ruby", relativePath, null, facts, ManifestText.Sorted(dependencies), ManifestText.Sorted(dev),
            [new CommandFact($"Bundler ({relativePath})", cd + "bundle install", null)]);
    }

    [GeneratedRegex(@"^gem\s+[""'](?<name>[^""']+)[""'](\s*,\s*[""'](?<version>[^""']+)[""'])?")]
    private static partial Regex GemPattern();
}
