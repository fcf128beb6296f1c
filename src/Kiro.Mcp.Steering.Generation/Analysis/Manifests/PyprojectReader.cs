namespace Kiro.Mcp.Steering.Generation.Analysis.Manifests;

/// <summary>pyproject.toml: PEP 621 [project] or Poetry's [tool.poetry], the build backend and script entry points.</summary>
public sealed class PyprojectReader : IManifestReader
{
    public bool Reads(string relativePath) => RepositoryFiles.FileName(relativePath) == "pyproject.toml";

    public EcosystemFacts? Read(string relativePath, string text, RepositoryFiles files)
    {
        var toml = TomlFile.Parse(text);
        if (toml is null)
        {
            return null;
        }
        var project = TomlFile.Table(toml, "project");
        var poetry = TomlFile.Table(toml, "tool", "poetry");
        var facts = new List<KeyValuePair<string, string>>();
        var python = TomlFile.String(project, "requires-python") ?? TomlFile.String(TomlFile.Table(poetry, "dependencies"), "python");
        if (python is not null)
        {
            facts.Add(ManifestText.Fact("Python", python));
        }
        if (TomlFile.String(TomlFile.Table(toml, "build-system"), "build-backend") is { } backend)
        {
            facts.Add(ManifestText.Fact("Build backend", backend));
        }
        var manager = poetry is not null ? "poetry" : files.Contains(ManifestText.Sibling(relativePath, "uv.lock")) ? "uv" : "pip";
        facts.Add(ManifestText.Fact("Package manager", manager));
        foreach (var tool in new[] { "pytest", "ruff", "mypy", "black", "isort", "coverage" })
        {
            if (TomlFile.Table(toml, "tool", tool) is not null)
            {
                facts.Add(ManifestText.Fact("Configured tool", tool));
            }
        }

        var dependencies = TomlFile.Strings(project, "dependencies").Select(Pep508.Parse).OfType<Dependency>()
            .Concat(TomlFile.DependencyTable(TomlFile.Table(poetry, "dependencies")).Where(d => d.Name != "python"));
        var optional = TomlFile.Table(project, "optional-dependencies");
        var dev = (optional ?? []).Values.OfType<Tomlyn.Model.TomlArray>().SelectMany(a => a.OfType<string>()).Select(Pep508.Parse).OfType<Dependency>()
            .Concat(TomlFile.DependencyTable(TomlFile.Table(poetry, "group", "dev", "dependencies")))
            .Concat(TomlFile.DependencyTable(TomlFile.Table(poetry, "dev-dependencies")));
        var run = manager switch { "poetry" => "poetry run ", "uv" => "uv run ", _ => "" };
        var commands = new List<CommandFact>();
        var scripts = TomlFile.Table(project, "scripts") ?? TomlFile.Table(poetry, "scripts");
        foreach (var (name, target) in scripts ?? [])
        {
            commands.Add(new CommandFact($"Python scripts ({relativePath})", ManifestText.CdPrefix(relativePath) + run + name, target as string));
        }
        commands.Sort((a, b) => string.CompareOrdinal(a.Command, b.Command));
        return new EcosystemFacts(
            "Python", relativePath, TomlFile.String(project, "name") ?? TomlFile.String(poetry, "name"),
            facts, ManifestText.Sorted(dependencies), ManifestText.Sorted(dev), commands);
    }
}
