namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>go.mod: module path, Go version and required modules (indirect ones left out).</summary>
public sealed class GoModReader : IManifestReader
{
    public bool Reads(string relativePath) => RepositoryFiles.FileName(relativePath) == "go.mod";

    public EcosystemFacts? Read(string relativePath, string text, RepositoryFiles files)
    {
        string? module = null;
        var facts = new List<KeyValuePair<string, string>>();
        var requires = new List<Dependency>();
        var inRequire = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (inRequire)
            {
                if (line.StartsWith(')'))
                {
                    inRequire = false;
                }
                else
                {
                    AddRequire(line, requires);
                }
                continue;
            }
            if (line.StartsWith("module ", StringComparison.Ordinal))
            {
                module = line[7..].Trim();
            }
            else if (line.StartsWith("go ", StringComparison.Ordinal))
            {
                facts.Add(ManifestText.Fact("Go", line[3..].Trim()));
            }
            else if (line.StartsWith("toolchain ", StringComparison.Ordinal))
            {
                facts.Add(ManifestText.Fact("Toolchain", line[10..].Trim()));
            }
            else if (line.StartsWith("require (", StringComparison.Ordinal) || line == "require(")
            {
                inRequire = true;
            }
            else if (line.StartsWith("require ", StringComparison.Ordinal))
            {
                AddRequire(line[8..], requires);
            }
        }
        var cd = ManifestText.CdPrefix(relativePath);
        return new EcosystemFacts("Go", relativePath, module, facts, ManifestText.Sorted(requires), [],
        [
            new CommandFact($"Go ({relativePath})", cd + "go build ./...", null),
            new CommandFact($"Go ({relativePath})", cd + "go test ./...", null),
        ]);
    }

    private static void AddRequire(string line, List<Dependency> requires)
    {
        if (line.Contains("// indirect", StringComparison.Ordinal))
        {
            return;
        }
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && !parts[0].StartsWith("//", StringComparison.Ordinal))
        {
            requires.Add(new Dependency(parts[0], parts[1]));
        }
    }
}
