namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>Cargo.toml: crate name, edition, rust-version, dependencies and dev-dependencies; workspace members.</summary>
public sealed class CargoReader : IManifestReader
{
    public bool Reads(string relativePath) => RepositoryFiles.FileName(relativePath) == "Cargo.toml";

    public EcosystemFacts? Read(string relativePath, string text, RepositoryFiles files)
    {
        var toml = TomlFile.Parse(text);
        if (toml is null)
        {
            return null;
        }
        var package = TomlFile.Table(toml, "package");
        var facts = new List<KeyValuePair<string, string>>();
        if (TomlFile.String(package, "edition") is { } edition)
        {
            facts.Add(ManifestText.Fact("Edition", edition));
        }
        if (TomlFile.String(package, "rust-version") is { } rust)
        {
            facts.Add(ManifestText.Fact("Rust", rust));
        }
        var members = TomlFile.Strings(TomlFile.Table(toml, "workspace"), "members").ToList();
        if (members.Count > 0)
        {
            facts.Add(ManifestText.Fact("Workspace members", string.Join(", ", members)));
        }
        var dependencies = TomlFile.DependencyTable(TomlFile.Table(toml, "dependencies"))
            .Concat(TomlFile.DependencyTable(TomlFile.Table(toml, "workspace", "dependencies")));
        var cd = ManifestText.CdPrefix(relativePath);
        return new EcosystemFacts("Rust", relativePath, TomlFile.String(package, "name"), facts,
            ManifestText.Sorted(dependencies), ManifestText.Sorted(TomlFile.DependencyTable(TomlFile.Table(toml, "dev-dependencies"))),
        [
            new CommandFact($"Cargo ({relativePath})", cd + "cargo build", null),
            new CommandFact($"Cargo ({relativePath})", cd + "cargo test", null),
        ]);
    }
}
