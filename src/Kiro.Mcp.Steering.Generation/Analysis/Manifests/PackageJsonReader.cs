using System.Text.Json;

namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>package.json: name, engines, dependencies, and scripts run with the package manager its lock file names.</summary>
public sealed class PackageJsonReader : IManifestReader
{
    public bool Reads(string relativePath) => RepositoryFiles.FileName(relativePath) == "package.json";

    public EcosystemFacts? Read(string relativePath, string text, RepositoryFiles files)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
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
            var manager = PackageManager(relativePath, root, files);
            var facts = new List<KeyValuePair<string, string>> { ManifestText.Fact("Package manager", manager) };
            if (root.TryGetProperty("engines", out var engines) && engines.ValueKind == JsonValueKind.Object)
            {
                foreach (var engine in engines.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    facts.Add(ManifestText.Fact($"Engine {engine.Name}", engine.Value.ToString()));
                }
            }
            if (root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                facts.Add(ManifestText.Fact("Module type", type.GetString()!));
            }
            if (root.TryGetProperty("workspaces", out var workspaces))
            {
                facts.Add(ManifestText.Fact("Workspaces", workspaces.ValueKind == JsonValueKind.Array
                    ? string.Join(", ", workspaces.EnumerateArray().Select(w => w.ToString()))
                    : "yes"));
            }
            var commands = new List<CommandFact>();
            if (root.TryGetProperty("scripts", out var scripts) && scripts.ValueKind == JsonValueKind.Object)
            {
                var group = $"{manager} scripts ({relativePath})";
                foreach (var script in scripts.EnumerateObject().OrderBy(s => s.Name, StringComparer.Ordinal))
                {
                    commands.Add(new CommandFact(group, ManifestText.CdPrefix(relativePath) + RunScript(manager, script.Name), script.Value.ToString()));
                }
            }
            return new EcosystemFacts(
                "Node.js",
                relativePath,
                root.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
                facts,
                Dependencies(root, "dependencies"),
                Dependencies(root, "devDependencies"),
                commands);
        }
    }

    private static string PackageManager(string relativePath, JsonElement root, RepositoryFiles files)
    {
        if (root.TryGetProperty("packageManager", out var declared) && declared.ValueKind == JsonValueKind.String)
        {
            var value = declared.GetString()!;
            var at = value.IndexOf('@', StringComparison.Ordinal);
            return at > 0 ? value[..at] : value;
        }
        // A workspace member's lock file sits at the monorepo root, so look upwards too.
        var folder = ManifestText.Folder(relativePath);
        while (true)
        {
            string At(string name) => folder.Length == 0 ? name : folder + "/" + name;
            if (files.Contains(At("pnpm-lock.yaml")))
            {
                return "pnpm";
            }
            if (files.Contains(At("yarn.lock")))
            {
                return "yarn";
            }
            if (files.Contains(At("bun.lockb")) || files.Contains(At("bun.lock")))
            {
                return "bun";
            }
            if (files.Contains(At("package-lock.json")))
            {
                return "npm";
            }
            if (folder.Length == 0)
            {
                return "npm";
            }
            folder = RepositoryFiles.Folder(folder);
        }
    }

    private static string RunScript(string manager, string script) => manager switch
    {
        "npm" when script is "test" or "start" => $"npm {script}",
        "npm" => $"npm run {script}",
        _ => $"{manager} run {script}",
    };

    private static List<Dependency> Dependencies(JsonElement root, string property) =>
        root.TryGetProperty(property, out var section) && section.ValueKind == JsonValueKind.Object
            ? ManifestText.Sorted(section.EnumerateObject().Select(d => new Dependency(d.Name, d.Value.ToString())))
            : [];
}
