using System.Text.Json;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>composer.json: name, PHP version, require / require-dev and scripts.</summary>
public sealed class ComposerReader : IManifestReader
{
    public bool Reads(string relativePath) => RepositoryFiles.FileName(relativePath) == "composer.json";

    public EcosystemFacts? Read(string relativePath, string text, RepositoryFiles files)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            List<Dependency> Section(string name) =>
                root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
                    ? ManifestText.Sorted(section.EnumerateObject().Select(p => new Dependency(p.Name, p.Value.ToString())))
                    : [];
            var require = Section("require");
            var facts = new List<KeyValuePair<string, string>> { ManifestText.Fact("Package manager", "composer") };
            if (require.FirstOrDefault(d => d.Name == "php") is { } php)
            {
                facts.Add(ManifestText.Fact("PHP", php.Version ?? "any"));
            }
            var commands = new List<CommandFact>();
            if (root.TryGetProperty("scripts", out var scripts) && scripts.ValueKind == JsonValueKind.Object)
            {
                foreach (var script in scripts.EnumerateObject().OrderBy(s => s.Name, StringComparer.Ordinal))
                {
                    commands.Add(new CommandFact($"Composer scripts ({relativePath})", ManifestText.CdPrefix(relativePath) + $"composer run {script.Name}", script.Value.ValueKind == JsonValueKind.String ? script.Value.GetString() : null));
                }
            }
            return new EcosystemFacts("PHP", relativePath,
                root.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
                facts, require.Where(d => d.Name != "php").ToList(), Section("require-dev"), commands);
        }
    }
}
